package org.newsroommonitor.ingest.state;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.newsroommonitor.ingest.config.IngestConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a feed is polled next.
 * <ul>
 * <li>After a fetch that worked (200 or 304): the poll interval, or longer when the feed's {@code <ttl>} or the
 *     response's {@code Cache-Control: max-age} ask for it, capped at the maximum poll interval.</li>
 * <li>After the n-th failure in a row: the poll interval doubled n-1 times, capped at the maximum backoff, with
 *     the last {@code jitter} fraction of it randomised (so feeds that failed together do not retry together),
 *     and never sooner than a {@code Retry-After} asked (itself capped at the maximum poll interval).</li>
 * <li>After {@code pauseAfterFailures} failures in a row (unless 0): never, until an operator resumes the feed.</li>
 * </ul>
 */
@Singleton
public final class PollSchedule {

    private final Duration pollInterval;
    private final Duration maxPollInterval;
    private final Duration maxBackoff;
    private final double jitter;
    private final int pauseAfterFailures;
    private final DoubleSupplier random;

    @Inject
    public PollSchedule(IngestConfig config) {
        this(config.pollInterval(), config.maxPollInterval(), config.maxBackoff(), config.backoffJitter(),
                config.pauseAfterFailures(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random a number in [0, 1) for each jitter */
    public PollSchedule(Duration pollInterval, Duration maxPollInterval, Duration maxBackoff, double jitter,
            int pauseAfterFailures, DoubleSupplier random) {
        this.pollInterval = pollInterval;
        this.maxPollInterval = max(maxPollInterval, pollInterval);
        this.maxBackoff = max(maxBackoff, pollInterval);
        this.jitter = Math.min(1, Math.max(0, jitter));
        this.pauseAfterFailures = pauseAfterFailures;
        this.random = random;
    }

    /**
     * @param ttl    the feed's {@code <ttl>}, or {@code null}
     * @param maxAge the response's {@code Cache-Control: max-age}, or {@code null}
     */
    public Instant afterSuccess(Instant now, Duration ttl, Duration maxAge) {
        Duration wait = pollInterval;
        if (ttl != null) {
            wait = max(wait, ttl);
        }
        if (maxAge != null) {
            wait = max(wait, maxAge);
        }
        return now.plus(min(wait, maxPollInterval));
    }

    /**
     * @param consecutiveFailures failures in a row, this one included (1 for the first)
     * @param retryAfter          what the server asked for, or {@code null}
     */
    public Instant afterFailure(Instant now, int consecutiveFailures, Duration retryAfter) {
        Duration backoff = pollInterval;
        for (int i = 1; i < consecutiveFailures && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        backoff = min(backoff, maxBackoff);
        long millis = backoff.toMillis();
        long jittered = millis - (long) (millis * jitter * random.getAsDouble());
        Duration wait = Duration.ofMillis(jittered);
        if (retryAfter != null) {
            wait = max(wait, min(retryAfter, maxPollInterval));
        }
        return now.plus(wait);
    }

    /** Whether a feed is paused after {@code consecutiveFailures} failures in a row. */
    public boolean pausesAfter(int consecutiveFailures) {
        return pauseAfterFailures > 0 && consecutiveFailures >= pauseAfterFailures;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
