package org.newsroommonitor.search.index;

import io.smallrye.faulttolerance.api.TypedGuard;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Builds the retries of this package as SmallRye Fault Tolerance guards from configured values: any exception is
 * retried after a wait that starts at the first wait and doubles up to the longest, without jitter or time limit,
 * until the call succeeds or the attempts are used up; the guard then throws the last exception.
 */
final class ExponentialRetry {

    /** As many attempts as it takes. */
    static final int UNTIL_SUCCESS = -1;

    private ExponentialRetry() {
    }

    static <T> TypedGuard<T> of(Class<T> type, String description, int attempts, Duration firstWait,
                                Duration longestWait) {
        long first = firstWait.toMillis();
        // SmallRye's exponential backoff needs a longest wait above the first
        long longest = Math.max(longestWait.toMillis(), first + 1);
        return TypedGuard.create(type)
                .withDescription(description)
                .withRetry()
                .maxRetries(attempts == UNTIL_SUCCESS ? -1 : Math.max(0, attempts - 1))
                .delay(first, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(0, ChronoUnit.MILLIS)
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(longest, ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }
}
