package org.newsroommonitor.ingest.feed;

import java.time.Instant;

/**
 * How polling one feed is going, as {@code GET /api/feeds} shows it.
 *
 * @param url          the feed URL as configured
 * @param lastFetch    when the last poll of this feed started, {@code null} before the first
 * @param lastSuccess  when a poll last fetched and parsed the feed, {@code null} if none has yet
 * @param httpStatus   the HTTP status of the last response, {@code null} when there was none
 * @param itemsSeen    entries in the feed at the last successful poll
 * @param newItems     articles published for the first time by the last poll
 * @param updatedItems articles published again with changed content (a new revision) by the last poll
 * @param lastError    what went wrong in the last poll, in plain words; {@code null} when it went well
 * @param nextPoll     when the feed will be polled next
 */
public record FeedStatus(
        String url,
        Instant lastFetch,
        Instant lastSuccess,
        Integer httpStatus,
        int itemsSeen,
        int newItems,
        int updatedItems,
        String lastError,
        Instant nextPoll) {

    /** A feed not polled yet. */
    public static FeedStatus notPolledYet(String url, Instant nextPoll) {
        return new FeedStatus(url, null, null, null, 0, 0, 0, null, nextPoll);
    }

    public FeedStatus withNextPoll(Instant next) {
        return new FeedStatus(url, lastFetch, lastSuccess, httpStatus, itemsSeen, newItems, updatedItems, lastError,
                next);
    }
}
