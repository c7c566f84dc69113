package org.newsroommonitor.search.subscription;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.messages.testing.DocsExamples;
import org.newsroommonitor.search.LogCapture;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records of news.subscriptions that are not subscriptions of the schema read here, or whose id is not their key,
 * are refused with the reason and the stream goes on: the same rule as classify-service's
 * ({@code SubscriptionRecords}), so both services keep the same saved searches.
 */
class SubscriptionConsumerTest {

    private static final String TOPIC = "news.subscriptions";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SubscriptionView view = new SubscriptionView();
    private final SubscriptionConsumer consumer = new SubscriptionConsumer(Messages.mapper(), new MessageSchemas(),
            view, registry);
    private long offset;

    @Test
    void invalidSubscriptionsAreRefusedWithTheReasonAndAValidOneAfterThemIsApplied() {
        send("a", DocsExamples.subscription("a", "convoy"));
        ObjectNode newer = DocsExamples.json(MessageType.SUBSCRIPTION);
        newer.put("id", "a");
        newer.put("query", "famine");
        newer.put("schemaVersion", 2);
        ObjectNode noId = DocsExamples.json(MessageType.SUBSCRIPTION);
        noId.remove("id");
        noId.put("query", "famine");
        List<String> warnings;
        try (LogCapture log = new LogCapture(SubscriptionConsumer.class)) {
            send("a", newer.toString());                                 // another schema version
            send("a", DocsExamples.subscription("b", "famine"));         // id is not the key
            send("a", noId.toString());                                  // no id
            send(null, DocsExamples.subscription("c", "famine"));        // no key
            send("a", "{\"id\": \"a\", \"name\": 3}");                   // wrong shape
            send("a", "not json");
            send("d", DocsExamples.subscription("d", "flour"));          // valid, after them
            warnings = log.messages();
        }

        assertThat(view.get("a")).get().extracting(Subscription::query).isEqualTo("convoy");
        assertThat(view.get("b")).isEmpty();
        assertThat(view.get("c")).isEmpty();
        assertThat(view.get("d")).get().extracting(Subscription::query).isEqualTo("flour");
        assertThat(warnings).satisfiesExactly(
                m -> assertThat(m).startsWith("Subscription a at news.subscriptions-0@1 refused")
                        .endsWith("unsupported schemaVersion 2 (this service reads subscription version 1)"),
                m -> assertThat(m).endsWith("id \"b\" is not the record key \"a\""),
                m -> assertThat(m).endsWith("required property 'id' not found"),
                m -> assertThat(m).startsWith("Subscription (no key) at news.subscriptions-0@4 refused")
                        .endsWith("no key (the key is the subscription id)"),
                m -> assertThat(m).contains("/name"),
                m -> assertThat(m).contains("not JSON: "));
        assertThat(count("refused")).isEqualTo(6);
        assertThat(count("saved")).isEqualTo(2);
    }

    @Test
    void aTombstoneDeletesTheSubscriptionOfItsKeyWhateverTheTimes() {
        send("a", DocsExamples.subscription("a", "convoy")); // updatedAt 2023; the tombstone has no timestamp
        send("a", null);
        assertThat(view.get("a")).isEmpty();
        assertThat(count("deleted")).isEqualTo(1);
    }

    private void send(String key, String value) {
        consumer.consume(new ConsumerRecord<>(TOPIC, 0, offset++, key, value));
    }

    private double count(String result) {
        return registry.get(SubscriptionConsumer.COUNTER).tag("result", result).counter().count();
    }
}
