package org.newsroommonitor.classify.subscription;

import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the saved searches that were in {@code news.subscriptions} when the service started are all in force.
 * Articles are not classified before that (see {@code ArticlesAfterSubscriptions}): an article classified while
 * saved searches are still being read would miss their alerts for good.
 *
 * <p>When the subscriptions consumer is first assigned its partitions, the end offset of each is the target
 * ({@link #assigned}); each applied batch reports the offsets it applied ({@link #applied}). The load is complete
 * when every partition has reached its target, at once when the topic is empty. {@link #giveUp} ends the wait
 * without it (a time limit), so that a topic that cannot be read to its end does not stop classification.
 * Thread-safe.
 */
public final class SubscriptionsLoad {

    /** How the start-up load ended. */
    public enum State { LOADING, LOADED, GAVE_UP }

    private final Clock clock;
    private final Instant started;
    private final Map<TopicPartition, Long> remaining = new HashMap<>(); // partition -> end offset to reach
    private final List<Runnable> whenDone = new ArrayList<>();
    private boolean assigned;
    private State state = State.LOADING;
    private Instant ended;
    private long recordsApplied;

    public SubscriptionsLoad(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    /**
     * The first assignment of the subscriptions consumer: where it starts reading each partition and where each
     * ends. Later assignments (rebalances) change nothing.
     */
    public void assigned(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> endOffsets) {
        List<Runnable> run;
        synchronized (this) {
            if (assigned) {
                return;
            }
            assigned = true;
            endOffsets.forEach((partition, end) -> {
                if (end != null && positions.getOrDefault(partition, 0L) < end) {
                    remaining.put(partition, end);
                }
            });
            run = completeIfDone();
        }
        run.forEach(Runnable::run);
    }

    /** A batch of records was applied: the highest offset applied per partition, and how many records. */
    public void applied(Map<TopicPartition, Long> lastOffsets, int records) {
        List<Runnable> run;
        synchronized (this) {
            recordsApplied += records;
            lastOffsets.forEach((partition, offset) -> {
                Long end = remaining.get(partition);
                if (end != null && offset + 1 >= end) {
                    remaining.remove(partition);
                }
            });
            run = completeIfDone();
        }
        run.forEach(Runnable::run);
    }

    /** Ends the wait although the load is not complete (time limit); false when it had already ended. */
    public boolean giveUp() {
        List<Runnable> run;
        synchronized (this) {
            if (state != State.LOADING) {
                return false;
            }
            run = end(State.GAVE_UP);
        }
        run.forEach(Runnable::run);
        return true;
    }

    /** Runs {@code action} once the load has ended (loaded or given up): at once when it already has. */
    public void whenDone(Runnable action) {
        synchronized (this) {
            if (state == State.LOADING) {
                whenDone.add(action);
                return;
            }
        }
        action.run();
    }

    public synchronized State state() {
        return state;
    }

    /** Records applied since the start (saved, deleted or refused). */
    public synchronized long recordsApplied() {
        return recordsApplied;
    }

    /** Partitions not yet read to their end offset of the start. */
    public synchronized int partitionsRemaining() {
        return assigned ? remaining.size() : -1;
    }

    /** From the start to the end of the load, or until now while it goes on. */
    public synchronized Duration duration() {
        return Duration.between(started, ended == null ? clock.instant() : ended);
    }

    private List<Runnable> completeIfDone() {
        if (state == State.LOADING && assigned && remaining.isEmpty()) {
            return end(State.LOADED);
        }
        return List.of();
    }

    private List<Runnable> end(State end) {
        state = end;
        ended = clock.instant();
        List<Runnable> run = List.copyOf(whenDone);
        whenDone.clear();
        return run;
    }
}
