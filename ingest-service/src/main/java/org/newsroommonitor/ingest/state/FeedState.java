package org.newsroommonitor.ingest.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.newsroommonitor.ingest.fetch.Validators;

import java.time.Instant;

/**
 * What ingest-service knows about polling one feed: the cache validators and body hash of the last response, the
 * outcome of the last poll, the failure count driving backoff and auto-pause, and the next poll time. Kept in
 * {@link FeedStateStore} (the compacted Kafka topic {@code news.feed-state}), so it survives restarts and moves
 * with the feed between replicas.
 *
 * @param feedId              the feed's id
 * @param url                 the feed's URL
 * @param etag                the last {@code ETag}, or {@code null}
 * @param lastModified        the last {@code Last-Modified}, or {@code null}
 * @param bodyHash            SHA-256 (hex) of the last body parsed; an equal body is not parsed again
 * @param lastFetch           when the last poll started
 * @param lastSuccess         when a poll last fetched the feed (200 parsed, or 304)
 * @param httpStatus          HTTP status of the last response, {@code null} when there was none
 * @param itemsSeen           entries in the feed at the last successful parse
 * @param newItems            articles published for the first time by the last poll
 * @param updatedItems        articles published again (new revision or new source) by the last poll
 * @param lastError           what went wrong in the last poll, in plain words; {@code null} when it went well
 * @param lastErrorKind       the {@code FetchOutcome} tag of that error
 * @param consecutiveFailures failed polls in a row
 * @param nextPoll            when the feed is due again
 * @param pausedReason        why the feed was paused automatically, {@code null} when it is not
 * @param ttlSeconds          the feed's own {@code <ttl>} in seconds at the last parse, {@code 0} when it gave none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedState(
        String feedId,
        String url,
        String etag,
        String lastModified,
        String bodyHash,
        Instant lastFetch,
        Instant lastSuccess,
        Integer httpStatus,
        int itemsSeen,
        int newItems,
        int updatedItems,
        String lastError,
        String lastErrorKind,
        int consecutiveFailures,
        Instant nextPoll,
        String pausedReason,
        long ttlSeconds) {

    public static FeedState initial(String feedId, String url) {
        return new FeedState(feedId, url, null, null, null, null, null, null, 0, 0, 0, null, null, 0, null, null, 0);
    }

    public Validators validators() {
        return new Validators(etag, lastModified);
    }

    public FeedState resumed() {
        return new FeedState(feedId, url, etag, lastModified, bodyHash, lastFetch, lastSuccess, httpStatus, itemsSeen,
                newItems, updatedItems, lastError, lastErrorKind, 0, null, null, ttlSeconds);
    }
}
