package org.newsroommonitor.ingest.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.newsroommonitor.ingest.fetch.FetchResult;
import org.newsroommonitor.ingest.fetch.HttpCaching;
import org.newsroommonitor.ingest.fetch.Validators;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;

/**
 * What ingest-service knows about polling one feed: the cache validators and body hash of the last response, the
 * outcome of the last poll, the failure count driving backoff and auto-pause, and the next poll time. Kept in
 * {@link FeedStateStore} (the compacted Kafka topic {@code news.feed-state}), so it survives restarts and moves
 * with the feed between replicas.
 * <p>
 * A poll moves it on with one of the transitions: {@link #unchanged} (304, or the same body as last time),
 * {@link #fetched} (a new body read and its articles published) or {@link #failed} (which pauses the feed after too
 * many failures in a row); an operator's resume with {@link #resumed()}.
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
 * @param lastErrorKind       the {@code FetchOutcome} tag of that error, or {@code publish}
 * @param consecutiveFailures failed polls in a row
 * @param nextPoll            when the feed is due again
 * @param pausedReason        why the feed was paused automatically, {@code null} when it is not
 * @param ttlSeconds          the feed's own {@code <ttl>} in seconds at the last parse, {@code 0} when it gave none
 * @param mergedItems         entries of the last poll merged into an earlier entry with the same article id
 * @param lastRepair          the repairs the last body read needed, in plain words; {@code null} when it was read as
 *                            served (kept through 304s, unchanged bodies and failures, like {@code itemsSeen})
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
        long ttlSeconds,
        int mergedItems,
        String lastRepair) {

    /** The {@code lastErrorKind} of a poll whose articles Kafka did not all confirm. */
    public static final String PUBLISH_ERROR = "publish";

    /** A feed never polled: due at once. */
    public static FeedState initial(String feedId, String url) {
        return new FeedState(feedId, url, null, null, null, null, null, null, 0, 0, 0, null, null, 0, null, null, 0, 0,
                null);
    }

    /** The validators to send with the next request. */
    public Validators validators() {
        return new Validators(etag, lastModified);
    }

    /** Whether the feed is to be polled at {@code now}: never polled yet, or its next poll has come. */
    public boolean dueAt(Instant now) {
        return nextPoll == null || !nextPoll.isAfter(now);
    }

    /** Whether the feed was paused after failures, until an operator resumes it. */
    public boolean pausedAutomatically() {
        return pausedReason != null;
    }

    /** Whether a body with {@code hash} was read completely last time, so that it need not be parsed again. */
    public boolean alreadyRead(String hash) {
        return hash.equals(bodyHash) && lastError == null;
    }

    /**
     * After a poll that learned nothing new: a 304, or a body equal to the last one. The response may renew the
     * validators and ask for a later poll ({@code Cache-Control: max-age}); the feed's TTL is kept.
     */
    public FeedState unchanged(Instant at, int status, HttpHeaders headers, PollSchedule schedule) {
        Duration ttl = ttlSeconds > 0 ? Duration.ofSeconds(ttlSeconds) : null;
        Validators renewed = validators().renewedBy(headers);
        return new FeedState(feedId, url, renewed.etag(), renewed.lastModified(), bodyHash, at, at, status,
                itemsSeen, 0, 0, null, null, 0, schedule.afterSuccess(at, ttl, HttpCaching.maxAge(headers)), null,
                ttlSeconds, mergedItems,
                lastRepair);
    }

    /**
     * After a poll that read a new body and published its articles.
     *
     * @param bodyHash the body's hash; forgotten when some articles were not published, so the body is read again
     * @param ttl      the feed's own {@code <ttl>}, or {@code null}
     */
    public FeedState fetched(Instant at, FetchResult.Fetched response, String bodyHash, Duration ttl,
            PollReport report, PollSchedule schedule) {
        Validators validators = Validators.NONE.renewedBy(response.headers());
        Instant next = schedule.afterSuccess(at, ttl, HttpCaching.maxAge(response.headers()));
        return new FeedState(feedId, url, validators.etag(), validators.lastModified(),
                report.unpublished() ? null : bodyHash, at, at, response.status(), report.entries(),
                report.created(), report.updated(), report.problems(), report.unpublished() ? PUBLISH_ERROR : null,
                0, next, null, ttl == null ? 0 : ttl.toSeconds(), report.merged(),
                report.repairs());
    }

    /**
     * After a poll that failed: the failure counted, the next poll backed off ({@link PollSchedule#afterFailure}),
     * and the feed paused when the schedule says so after this many failures in a row.
     */
    public FeedState failed(Instant at, FetchResult.Failed failure, PollSchedule schedule) {
        int failures = consecutiveFailures + 1;
        String paused = schedule.pausesAfter(failures)
                ? "paused automatically after " + failures + " failed polls in a row (the last: " + failure.error()
                        + "); resume with PATCH /api/feeds/" + feedId + " {\"paused\": false}"
                : null;
        return new FeedState(feedId, url, etag, lastModified, bodyHash, at, lastSuccess, failure.status(),
                itemsSeen, 0, 0, failure.error(), failure.outcome().tag(), failures,
                schedule.afterFailure(at, failures, failure.retryAfter()), paused, ttlSeconds, mergedItems,
                lastRepair);
    }

    /** Cleared of an automatic pause and of the failure count: due at once. */
    public FeedState resumed() {
        return new FeedState(feedId, url, etag, lastModified, bodyHash, lastFetch, lastSuccess, httpStatus, itemsSeen,
                newItems, updatedItems, lastError, lastErrorKind, 0, null, null, ttlSeconds, mergedItems,
                lastRepair);
    }
}
