package org.newsroommonitor.classify.subscription;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.metrics.ClassifyMetrics;
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of records gives the same saved searches as the records applied one by one, in order; records that are
 * not subscriptions of the schema read here, or whose id is not their key, are refused with the reason and the
 * stream goes on (the same rule as search-service's, {@code SubscriptionRecords}).
 */
class SubscriptionConsumerTest {

    private static final String TOPIC = "news.subscriptions";

    private final SubscriptionMatcher matcher = new SubscriptionMatcher();
    private final SubscriptionsLoad load = new SubscriptionsLoad(Clock.systemUTC());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SubscriptionConsumer consumer = new SubscriptionConsumer(matcher, load, Messages.mapper(),
            new MessageSchemas(), new ClassifyMetrics(registry));
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

    @Test
    void invalidSubscriptionsAreRefusedWithTheReasonAndAValidOneAfterThemIsApplied() {
        add(0, "a", "convoy");
        consumer.apply(records());
        batch.clear();
        ObjectNode newer = DocsExamples.json(MessageType.SUBSCRIPTION);
        newer.put("id", "a");
        newer.put("query", "famine");
        newer.put("schemaVersion", 2);
        ObjectNode noId = DocsExamples.json(MessageType.SUBSCRIPTION);
        noId.remove("id");
        noId.put("query", "famine");
        addRaw(0, "a", newer.toString());                                // another schema version
        addRaw(0, "a", DocsExamples.subscription("b", "famine"));        // id is not the key
        addRaw(0, "a", noId.toString());                                 // no id
        addRaw(0, null, DocsExamples.subscription("c", "famine"));       // no key
        addRaw(0, "a", "{\"id\": \"a\", \"name\": 3}");                  // wrong shape
        add(0, "d", "flour");                                            // valid, after them
        List<String> warnings;
        try (LogCapture log = new LogCapture(SubscriptionConsumer.class)) {
            consumer.apply(records());
            warnings = log.messages();
        }

        assertThat(matcher.get("a")).get().extracting(Subscription::query).isEqualTo("convoy");
        assertThat(matcher.get("b")).isEmpty();
        assertThat(matcher.get("c")).isEmpty();
        assertThat(matcher.get("d")).get().extracting(Subscription::query).isEqualTo("flour");
        assertThat(warnings).filteredOn(m -> m.contains(" refused, ")).satisfiesExactly(
                m -> assertThat(m).contains("Subscription a at news.subscriptions-0@0")
                        .endsWith("unsupported schemaVersion 2 (this service reads subscription version 1)"),
                m -> assertThat(m).endsWith("id \"b\" is not the record key \"a\""),
                m -> assertThat(m).endsWith("required property 'id' not found"),
                m -> assertThat(m).startsWith("Subscription (no key) at news.subscriptions-0@3")
                        .endsWith("no key (the key is the subscription id)"),
                m -> assertThat(m).contains("/name"));
        assertThat(registry.get("newsroom.classify.subscription.updates").tag("result", "refused").counter().count())
                .isEqualTo(5);
        assertThat(registry.get("newsroom.classify.subscription.updates").tag("result", "saved").counter().count())
                .isEqualTo(2);
    }

    private void add(int partition, String id, String query) {
        long offset = batch.stream().filter(r -> r.partition() == partition).count();
        batch.add(new ConsumerRecord<>(TOPIC, partition, offset, id, query == null ? null : DocsExamples.subscription(id, query)));
    }

    private void addRaw(int partition, String key, String value) {
        long offset = batch.stream().filter(r -> r.partition() == partition).count();
        batch.add(new ConsumerRecord<>(TOPIC, partition, offset, key, value));
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

    /** The messages logged by one class while it is open (as formatted, printf style). */
    static final class LogCapture extends Handler implements AutoCloseable {
        private final java.util.logging.Logger logger;
        private final List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

        LogCapture(Class<?> source) {
            logger = java.util.logging.Logger.getLogger(source.getName());
            logger.addHandler(this);
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            messages.add(parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
