package org.newsroommonitor.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When the local stack restarts a service that died: at most {@link #maxRestarts()} times within any
 * {@link #window()}; one more death within that window and it gives up. One instance per service.
 */
public final class RestartPolicy {

    /** The local stack's policy: 5 restarts within 10 minutes. */
    public static final int DEFAULT_MAX_RESTARTS = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private final int maxRestarts;
    private final Duration window;
    private final Deque<Instant> restarts = new ArrayDeque<>();

    public RestartPolicy(int maxRestarts, Duration window) {
        if (maxRestarts < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("restart policy needs maxRestarts >= 0 and a positive window");
        }
        this.maxRestarts = maxRestarts;
        this.window = window;
    }

    public static RestartPolicy standard() {
        return new RestartPolicy(DEFAULT_MAX_RESTARTS, DEFAULT_WINDOW);
    }

    /**
     * Whether a service that died at {@code now} is restarted; when it is, the restart is counted. Restarts older
     * than the window no longer count.
     */
    public synchronized boolean allowRestart(Instant now) {
        while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(now.minus(window))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= maxRestarts) {
            return false;
        }
        restarts.addLast(now);
        return true;
    }

    /** Restarts counted within the window ending at the last decision. */
    public synchronized int recentRestarts() {
        return restarts.size();
    }

    public int maxRestarts() {
        return maxRestarts;
    }

    public Duration window() {
        return window;
    }

    /** "5 restarts within 10 min", for messages. */
    public String describe() {
        return maxRestarts + " restarts within " + (window.toSeconds() % 60 == 0 ? window.toMinutes() + " min"
                : window.toSeconds() + " s");
    }
}
