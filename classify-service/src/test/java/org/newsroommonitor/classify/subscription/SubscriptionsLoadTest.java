package org.newsroommonitor.classify.subscription;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionsLoadTest {

    private static final TopicPartition P0 = new TopicPartition("news.subscriptions", 0);
    private static final TopicPartition P1 = new TopicPartition("news.subscriptions", 1);

    private final SubscriptionsLoad load = new SubscriptionsLoad(Clock.systemUTC());
    private final AtomicInteger done = new AtomicInteger();

    @Test
    void anEmptyTopicIsLoadedAtTheAssignment() {
        load.whenDone(done::incrementAndGet);
        assertThat(load.state()).isEqualTo(SubscriptionsLoad.State.LOADING);
        assertThat(load.partitionsRemaining()).isEqualTo(-1); // not assigned yet
        load.assigned(Map.of(P0, 0L, P1, 7L), Map.of(P0, 0L, P1, 7L)); // P1: compacted away up to its end
        assertThat(load.state()).isEqualTo(SubscriptionsLoad.State.LOADED);
        assertThat(done).hasValue(1);
    }

    @Test
    void loadedWhenEveryPartitionIsReadToItsEndOfTheStart() {
        load.whenDone(done::incrementAndGet);
        load.assigned(Map.of(P0, 0L, P1, 3L), Map.of(P0, 500L, P1, 10L));
        assertThat(load.partitionsRemaining()).isEqualTo(2);
        load.applied(Map.of(P0, 499L, P1, 5L), 503);
        assertThat(load.state()).isEqualTo(SubscriptionsLoad.State.LOADING);
        assertThat(load.partitionsRemaining()).isEqualTo(1);
        assertThat(done).hasValue(0);
        load.applied(Map.of(P1, 9L), 4);
        assertThat(load.state()).isEqualTo(SubscriptionsLoad.State.LOADED);
        assertThat(load.recordsApplied()).isEqualTo(507);
        assertThat(done).hasValue(1);
        // records written later, and a later rebalance, change nothing
        load.applied(Map.of(P1, 10L), 1);
        load.assigned(Map.of(P0, 500L), Map.of(P0, 900L));
        assertThat(load.state()).isEqualTo(SubscriptionsLoad.State.LOADED);
        assertThat(done).hasValue(1);
        // an action added after the end runs at once
        load.whenDone(done::incrementAndGet);
        assertThat(done).hasValue(2);
    }

    @Test
    void theWaitCanBeGivenUpOnce() {
        load.whenDone(done::incrementAndGet);
        load.assigned(Map.of(P0, 0L), Map.of(P0, 100L));
        assertThat(load.giveUp()).isTrue();
        assertThat(load.state()).isEqualTo(SubscriptionsLoad.State.GAVE_UP);
        assertThat(done).hasValue(1);
        assertThat(load.giveUp()).isFalse();
        load.applied(Map.of(P0, 99L), 100);
        assertThat(load.state()).isEqualTo(SubscriptionsLoad.State.GAVE_UP);
        assertThat(done).hasValue(1);
    }
}
