package org.newsroommonitor.classify.subscription;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.metrics.ClassifyMetrics;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of records gives the same saved searches as the records applied one by one, in order. */
class SubscriptionConsumerTest {

    private static final String TOPIC = "news.subscriptions";

    private final SubscriptionMatcher matcher = new SubscriptionMatcher();
    private final SubscriptionsLoad load = new SubscriptionsLoad(Clock.systemUTC());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SubscriptionConsumer consumer = new SubscriptionConsumer(matcher, load, Messages.mapper(),
            new ClassifyMetrics(registry));
    private final List<ConsumerRecord<String, String>> batch = new ArrayList<>();

    @AfterEach
    void close() {
        matcher.close();
    }

    @Test
    void savesDeletionsAndRefusalsOfOneBatchApplyInOrder() {
        load.assigned(Map.of(new TopicPartition(TOPIC, 0), 0L, new TopicPartition(TOPIC, 1), 0L),
                Map.of(new TopicPartition(TOPIC, 0), 6L, new TopicPartition(TOPIC, 1), 2L));
        add(0, "a", "convoy");
        add(0, "b", "blockade");
        add(0, "a", null);              // a deleted after it was saved in the same batch
        add(0, "c", "siege");
        add(0, "c", "\"unclosed");      // refused: c stays as saved just before
        add(0, "b", "famine");          // b replaced
        add(1, "d", "flour");
        add(1, "d", null);              // d deleted
        consumer.apply(records());

        assertThat(matcher.get("a")).isEmpty();
        assertThat(matcher.get("b")).get().extracting(Subscription::query).isEqualTo("famine");
        assertThat(matcher.get("c")).get().extracting(Subscription::query).isEqualTo("siege");
        assertThat(matcher.get("d")).isEmpty();
        assertThat(matcher.size()).isEqualTo(2);
        assertThat(ids(matcher.match("Famine in the siege", null, null, java.util.Set.of(), java.util.Set.of())))
                .containsExactly("b", "c");
        assertThat(registry.get("newsroom.classify.subscription.updates").tag("result", "saved").counter().count())
                .isEqualTo(5);
        assertThat(registry.get("newsroom.classify.subscription.updates").tag("result", "deleted").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("newsroom.classify.subscription.updates").tag("result", "refused").counter().count())
                .isEqualTo(1);
        assertThat(load.recordsApplied()).isEqualTo(8);
        assertThat(load.state()).isEqualTo(SubscriptionsLoad.State.LOADED);
    }

    @Test
    void aDeletionBeforeASaveOfTheSameIdKeepsTheSave() {
        add(0, "a", "convoy");
        consumer.apply(records());
        batch.clear();
        add(0, "a", null);
        add(0, "a", "bread");
        consumer.apply(records());
        assertThat(matcher.get("a")).get().extracting(Subscription::query).isEqualTo("bread");
    }

    private void add(int partition, String id, String query) {
        long offset = batch.stream().filter(r -> r.partition() == partition).count();
        batch.add(new ConsumerRecord<>(TOPIC, partition, offset, id, query == null ? null : DocsExamples.subscription(id, query)));
    }

    private ConsumerRecords<String, String> records() {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            byPartition.computeIfAbsent(new TopicPartition(TOPIC, record.partition()), p -> new ArrayList<>()).add(record);
        }
        return new ConsumerRecords<>(byPartition, Map.of());
    }

    private static List<String> ids(List<SubscriptionMatch> matches) {
        return matches.stream().map(m -> m.subscription().id()).toList();
    }
}
