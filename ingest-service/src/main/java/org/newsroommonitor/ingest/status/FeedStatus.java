package org.newsroommonitor.ingest.status;

import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.state.FeedState;

import java.time.Instant;

/**
 * A feed and how polling it is going, as the admin API shows it.
 *
 * @param id                  the feed's id (for {@code /api/feeds/{id}})
 * @param url                 the feed URL
 * @param name                the name given to it, or {@code null}
 * @param origin              {@code file}, {@code env}, {@code api} or {@code opml}
 * @param paused              whether it is not being polled (by an operator, or automatically after failures)
 * @param pausedReason        why, in plain words, when paused
 * @param lastFetch           when the last poll started, {@code null} before the first
 * @param lastSuccess         when a poll last fetched the feed (parsed, or 304 not modified)
 * @param httpStatus          the HTTP status of the last response, {@code null} when there was none
 * @param itemsSeen           entries in the feed at the last successful poll
 * @param newItems            articles published for the first time by the last poll
 * @param updatedItems        articles published again with changed content or a new source by the last poll
 * @param mergedItems         entries of the last poll that had the same article id as an earlier entry of the
 *                            feed (the same item listed twice) and were merged into it
 * @param lastError           what went wrong in the last poll, in plain words; {@code null} when it went well
 * @param lastRepair          the repairs the feed needed at its last successful read, in plain words (a wrong
 *                            character encoding, undeclared namespace prefixes, a cut-off document, broken entries
 *                            dropped, ...); {@code null} when it was read as served
 * @param consecutiveFailures failed polls in a row
 * @param nextPoll            when the feed will be polled next; {@code null} when paused or not yet scheduled
 *                            (then at the next scheduler tick)
 */
public record FeedStatus(
        String id,
        String url,
        String name,
        String origin,
        boolean paused,
        String pausedReason,
        Instant lastFetch,
        Instant lastSuccess,
        Integer httpStatus,
        int itemsSeen,
        int newItems,
        int updatedItems,
        int mergedItems,
        String lastError,
        String lastRepair,
        int consecutiveFailures,
        Instant nextPoll) {

    public static FeedStatus of(Feed feed, FeedState state) {
        String pausedReason = feed.paused() ? "paused through the API" : state.pausedReason();
        return new FeedStatus(feed.id(), feed.url(), feed.name(), feed.origin(), pausedReason != null, pausedReason,
                state.lastFetch(), state.lastSuccess(), state.httpStatus(), state.itemsSeen(), state.newItems(),
                state.updatedItems(), state.mergedItems(), state.lastError(), state.lastRepair(),
                state.consecutiveFailures(),
                pausedReason != null ? null : state.nextPoll());
    }
}
