package org.newsroommonitor.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.localstack.TestUsers;
import org.newsroommonitor.messages.KafkaTopics;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.testing.DocsExamples;
import org.newsroommonitor.search.alert.AlertBroadcaster;
import org.newsroommonitor.search.messaging.ClassifiedArticleConsumer;
import org.newsroommonitor.search.messaging.DeadLetterPublisher;
import org.newsroommonitor.search.subscription.SubscriptionConsumer;
import org.newsroommonitor.search.subscription.SubscriptionPublisher;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * search-service's channels on the in-memory connector, no broker: {@value ClassifiedArticleConsumer#CHANNEL} in
 * (indexed into the real Elasticsearch node, or dead-lettered on {@value DeadLetterPublisher#CHANNEL}), the saved
 * searches of {@value SubscriptionConsumer#CHANNEL} and {@value SubscriptionPublisher#CHANNEL}, the alerts of
 * {@value AlertBroadcaster#CHANNEL} streamed as server-sent events. What needs the broker stays in the real-broker
 * tests: committed offsets and a stopped channel when Elasticsearch is down ({@code OutageTest}), the records on the
 * dead-letter and compacted topics as written ({@code SearchPipelineTest}, {@code SubscriptionsAndAlertsTest}).
 */
@QuarkusTest
@TestProfile(InMemoryChannels.class)
class SearchChannelsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong OFFSET = new AtomicLong();

    @Inject
    @Connector(InMemoryConnector.CONNECTOR)
    InMemoryConnector connector;
    @Inject
    RestClient elasticsearch;
    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/api/alerts/stream")
    URL stream;

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeEach
    void emptySinks() {
        deadLetters().clear();
        subscriptionsOut().clear();
    }

    @Test
    void aBatchIsIndexedAndItsUnusableRecordsAreDeadLettered() throws Exception {
        String goodId = "in-memory-" + run;
        ObjectNode good = DocsExamples.json(MessageType.CLASSIFIED_ARTICLE).put("id", goodId);
        ObjectNode noRevision = DocsExamples.json(MessageType.CLASSIFIED_ARTICLE).put("id", "no-revision-" + run);
        noRevision.remove("revision");
        // 300 characters, as the schema allows; 600 bytes, which Elasticsearch refuses
        String longId = "ж".repeat(300);
        ObjectNode unindexable = DocsExamples.json(MessageType.CLASSIFIED_ARTICLE).put("id", longId);
        String poison = "{\"id\": \"broken\", not json";
        List<ConsumerRecord<String, byte[]>> records = List.of(
                classified("poison-" + run, poison.getBytes(StandardCharsets.UTF_8)),
                classified(goodId, bytes(good)),
                classified("no-revision-" + run, bytes(noRevision)),
                classified("empty-" + run, null),
                classified("long-id-" + run, bytes(unindexable)));
        Delivery<ConsumerRecords<String, byte[]>> batch = new Delivery<>(new ConsumerRecords<>(
                Map.of(new TopicPartition(KafkaTopics.CLASSIFIED, 0), records), Map.of()));

        connector.source(ClassifiedArticleConsumer.CHANNEL).send(batch.message());
        await().atMost(WAIT).until(batch::isSettled);

        assertThat(batch.isAcked()).as("acknowledged, not nacked: %s", batch.nackReason()).isTrue();
        JsonNode stored = JSON.readTree(elasticsearch.performRequest(
                new Request("GET", "/" + InMemoryChannels.ALIAS + "/_doc/" + goodId)).getEntity().getContent());
        assertThat(stored.path("found").asBoolean()).isTrue();
        assertThat(stored.path("_source").path("title")).isEqualTo(good.path("title"));

        List<? extends Message<byte[]>> dead = deadLetters().received();
        assertThat(dead).extracting(SearchChannelsTest::key)
                .containsExactly("poison-" + run, "no-revision-" + run, "empty-" + run, "long-id-" + run);
        for (int i = 0; i < dead.size(); i++) {
            ConsumerRecord<String, byte[]> origin = records.get(i == 0 ? 0 : i + 1);
            assertThat(dead.get(i).getPayload()).isEqualTo(origin.value() == null ? new byte[0] : origin.value());
            assertThat(header(dead.get(i), DeadLetterPublisher.HEADER_TOPIC)).isEqualTo(KafkaTopics.CLASSIFIED);
            assertThat(header(dead.get(i), DeadLetterPublisher.HEADER_PARTITION)).isEqualTo("0");
            assertThat(header(dead.get(i), DeadLetterPublisher.HEADER_OFFSET))
                    .isEqualTo(Long.toString(origin.offset()));
        }
        assertThat(header(dead.get(0), DeadLetterPublisher.HEADER_REASON))
                .startsWith("unreadable classified article");
        assertThat(header(dead.get(1), DeadLetterPublisher.HEADER_REASON))
                .startsWith("does not match the classified-article schema v1: ")
                .contains("required property 'revision' not found");
        assertThat(header(dead.get(2), DeadLetterPublisher.HEADER_REASON)).isEqualTo("empty value");
        assertThat(header(dead.get(3), DeadLetterPublisher.HEADER_REASON))
                .isEqualTo("id of 600 bytes, longer than Elasticsearch's 512");
    }

    @Test
    void savedSearchesAreWrittenToTheirChannelAndReadFromTheOther() throws Exception {
        JsonNode created = asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"Lachin watch\",\"query\":\"\\\"Lachin corridor\\\" OR Aghdam\"}")
                .post("/api/subscriptions").then().statusCode(201).extract().as(JsonNode.class);
        String id = created.get("id").asText();
        asAdmin().delete("/api/subscriptions/" + id).then().statusCode(204);

        List<? extends Message<String>> written = subscriptionsOut().received();
        assertThat(written).extracting(SearchChannelsTest::key).containsExactly(id, id);
        assertThat(JSON.readTree(written.get(0).getPayload())).isEqualTo(created);
        assertThat(written.get(1).getPayload()).as("tombstone").isNull();

        String elsewhere = "written-elsewhere-" + run;
        ObjectNode value = (ObjectNode) JSON.readTree(DocsExamples.subscription(elsewhere, "bread"));
        awaitAcked(sendSubscription(elsewhere, value.toString(), Instant.parse("2023-09-11T16:30:00Z")));
        assertThat(asAdmin().get("/api/subscriptions/" + elsewhere).then().statusCode(200).extract()
                .as(JsonNode.class)).isEqualTo(value);

        String otherKey = "other-key-" + run;
        awaitAcked(sendSubscription(otherKey, value.toString(), Instant.now()));
        asAdmin().get("/api/subscriptions/" + otherKey).then().statusCode(404);

        awaitAcked(sendSubscription(elsewhere, null, Instant.parse("2023-09-11T16:30:01Z")));
        asAdmin().get("/api/subscriptions/" + elsewhere).then().statusCode(404);
    }

    @Test
    void alertsOfASavedSearchStreamAsServerSentEvents() throws Exception {
        String mine = "mine-" + run;
        String other = "other-" + run;
        double refusedBefore = refusedAlerts();
        Delivery<ConsumerRecord<String, String>> unreadable = new Delivery<>(alertRecord(mine, "not an alert"));
        connector.source(AlertBroadcaster.CHANNEL).send(unreadable.message());
        awaitAcked(unreadable);
        assertThat(refusedAlerts()).isEqualTo(refusedBefore + 1);

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(
                HttpRequest.newBuilder(URI.create(stream + "?subscription=" + mine))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", TestUsers.basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            try {
                r.body().forEach(lines::add);
            } catch (RuntimeException ignored) {
                // cancelled at the end of the test
            }
        });
        AtomicInteger sent = new AtomicInteger();
        try {
            // the stream carries the alerts that arrive after it is open: alert until one came through
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                int n = sent.incrementAndGet();
                connector.source(AlertBroadcaster.CHANNEL)
                        .send(alertRecord(other, alert(other, "article-" + n)))
                        .send(alertRecord(mine, alert(mine, "article-" + n)));
                return lines.stream().anyMatch(l -> l.startsWith("data:"));
            });
        } finally {
            response.cancel(true);
        }

        assertThat(response.get().headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<String> data = lines.stream().filter(l -> l.startsWith("data:")).toList();
        JsonNode event = JSON.readTree(data.getFirst().substring("data:".length()));
        JsonNode example = DocsExamples.json(MessageType.ALERT);
        assertThat(event.get("subscriptionId").asText()).isEqualTo(mine);
        assertThat(event.get("articleId").asText()).startsWith("article-");
        assertThat(event.get("matched")).isEqualTo(example.get("matched"));
        assertThat(event.get("title")).isEqualTo(example.get("title"));
        assertThat(data).allSatisfy(l -> assertThat(JSON.readTree(l.substring("data:".length()))
                .get("subscriptionId").asText()).isEqualTo(mine));
        JsonNode recent = asAdmin().queryParam("subscription", mine).get("/api/alerts/recent").then().statusCode(200)
                .extract().as(JsonNode.class);
        assertThat(recent.findValuesAsText("subscriptionId")).isNotEmpty().containsOnly(mine);
    }

    private InMemorySink<byte[]> deadLetters() {
        return connector.sink(DeadLetterPublisher.CHANNEL);
    }

    private InMemorySink<String> subscriptionsOut() {
        return connector.sink(SubscriptionPublisher.CHANNEL);
    }

    private Delivery<ConsumerRecord<String, String>> sendSubscription(String key, String value, Instant time) {
        Delivery<ConsumerRecord<String, String>> delivery = new Delivery<>(new ConsumerRecord<>(
                KafkaTopics.SUBSCRIPTIONS, 0, OFFSET.getAndIncrement(), time.toEpochMilli(), TimestampType.CREATE_TIME,
                -1, -1, key, value, new RecordHeaders(), Optional.empty()));
        connector.source(SubscriptionConsumer.CHANNEL).send(delivery.message());
        return delivery;
    }

    private static ConsumerRecord<String, byte[]> classified(String key, byte[] value) {
        return new ConsumerRecord<>(KafkaTopics.CLASSIFIED, 0, OFFSET.getAndIncrement(), key, value);
    }

    private static ConsumerRecord<String, String> alertRecord(String key, String value) {
        return new ConsumerRecord<>(KafkaTopics.ALERTS, 0, OFFSET.getAndIncrement(), key, value);
    }

    private static String alert(String subscriptionId, String articleId) {
        return DocsExamples.json(MessageType.ALERT).put("subscriptionId", subscriptionId).put("articleId", articleId)
                .toString();
    }

    private double refusedAlerts() {
        // registered when the broadcaster is first used
        var counter = registry.find(AlertBroadcaster.COUNTER).tag("result", "refused").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void awaitAcked(Delivery<?> delivery) {
        await().atMost(WAIT).until(delivery::isSettled);
        assertThat(delivery.isAcked()).as("acknowledged, not nacked: %s", delivery.nackReason()).isTrue();
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Object key(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).map(OutgoingKafkaRecordMetadata::getKey)
                .orElse(null);
    }

    private static String header(Message<?> message, String name) {
        Header header = message.getMetadata(OutgoingKafkaRecordMetadata.class)
                .map(m -> m.getHeaders().lastHeader(name)).orElse(null);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
