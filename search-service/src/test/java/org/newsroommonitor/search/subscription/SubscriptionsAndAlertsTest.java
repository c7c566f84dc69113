package org.newsroommonitor.search.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.localstack.TestUsers;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.search.FixtureCorpus;
import org.newsroommonitor.search.SharedServers;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.newsroommonitor.localstack.TestUsers.asEditor;
import static org.newsroommonitor.localstack.TestUsers.asOtherEditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Saved searches through the real compacted topic, and alerts from the real news.alerts topic over SSE. */
@QuarkusTest
class SubscriptionsAndAlertsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/api/alerts/stream")
    URL stream;

    @Test
    void createReadUpdateDeleteGoThroughTheCompactedTopic() throws Exception {
        JsonNode created = asEditor().contentType(ContentType.JSON)
                .body("{\"name\":\" Lachin watch \",\"query\":\"\\\"Lachin corridor\\\" OR Aghdam\",\"topics\":[\"blockade\"],"
                        + "\"places\":[\"geo:stepanakert\"],\"owner\":\"someone-else\"}")
                .post("/api/subscriptions").then().statusCode(201).contentType(ContentType.JSON)
                .extract().as(JsonNode.class);
        String id = created.get("id").asText();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(names(created)).containsExactly("schemaVersion", "id", "name", "query", "topics", "places", "owner",
                "createdAt", "updatedAt");
        assertThat(created.get("schemaVersion").asInt()).isEqualTo(Subscription.SCHEMA_VERSION);
        assertThat(created.get("name").asText()).isEqualTo("Lachin watch");
        assertThat(created.get("query").asText()).isEqualTo("\"Lachin corridor\" OR Aghdam");
        assertThat(created.get("createdAt")).isEqualTo(created.get("updatedAt"));
        // the owner is the signed-in user, never the body's
        assertThat(created.get("owner").asText()).isEqualTo(TestUsers.EDITOR);

        // the topic holds exactly what the API answered, keyed by id
        List<ConsumerRecord<String, String>> records = await().atMost(WAIT).until(() -> records(id), r -> r.size() == 1);
        assertThat(JSON.readTree(records.getFirst().value())).isEqualTo(created);

        assertThat(asEditor().get("/api/subscriptions/" + id).then().statusCode(200).extract().as(JsonNode.class)).isEqualTo(created);
        assertThat(ids(asEditor().get("/api/subscriptions").then().statusCode(200)
                .extract().as(JsonNode.class))).contains(id);
        assertThat(ids(asAdmin().queryParam("owner", TestUsers.EDITOR).get("/api/subscriptions").then()
                .statusCode(200).extract().as(JsonNode.class))).contains(id);
        assertThat(ids(asAdmin().queryParam("owner", "nobody").get("/api/subscriptions").then().statusCode(200)
                .extract().as(JsonNode.class))).doesNotContain(id);

        JsonNode updated = asEditor().contentType(ContentType.JSON)
                .body("{\"name\":\"Lachin watch\",\"query\":\"Lachin -football\"}")
                .put("/api/subscriptions/" + id).then().statusCode(200).extract().as(JsonNode.class);
        assertThat(updated.get("query").asText()).isEqualTo("Lachin -football");
        assertThat(updated.get("topics")).isEmpty();
        assertThat(updated.get("createdAt")).isEqualTo(created.get("createdAt"));
        assertThat(updated.get("owner").asText()).isEqualTo(TestUsers.EDITOR);
        assertThat(updated.get("updatedAt").asText()).isGreaterThan(created.get("updatedAt").asText());
        records = await().atMost(WAIT).until(() -> records(id), r -> r.size() == 2);
        assertThat(JSON.readTree(records.get(1).value())).isEqualTo(updated);

        asEditor().delete("/api/subscriptions/" + id).then().statusCode(204);
        records = await().atMost(WAIT).until(() -> records(id), r -> r.size() == 3);
        assertThat(records.get(2).value()).as("tombstone").isNull();
        JsonNode gone = asEditor().get("/api/subscriptions/" + id).then().statusCode(404).contentType(ContentType.JSON)
                .extract().as(JsonNode.class);
        assertThat(gone.get("error").asText()).isEqualTo("no subscription with id " + id);
        asEditor().delete("/api/subscriptions/" + id).then().statusCode(404);
        asEditor().contentType(ContentType.JSON).body("{\"name\":\"x\",\"query\":\"x\"}").put("/api/subscriptions/" + id)
                .then().statusCode(404);
    }

    @Test
    void invalidSubscriptionsAre400AndNeverWritten() throws Exception {
        JsonNode badQuery = asEditor().contentType(ContentType.JSON).body("{\"name\":\"n\",\"query\":\"(Lachin\"}")
                .post("/api/subscriptions").then().statusCode(400).extract().as(JsonNode.class);
        assertThat(badQuery.get("error").asText()).startsWith("query: ").contains("never closed");
        assertThat(asEditor().contentType(ContentType.JSON).body("{\"query\":\"aid\"}").post("/api/subscriptions")
                .then().statusCode(400).extract().as(JsonNode.class).get("error").asText()).isEqualTo("name is required");
        asEditor().contentType(ContentType.JSON).body("not json").post("/api/subscriptions").then().statusCode(400);
    }

    @Inject
    SubscriptionPublisher publisher;

    @Test
    void aWriteIsHeldAtTheOffsetTheBrokerGaveIt() {
        String id = "offset-" + UUID.randomUUID();
        SubscriptionView.Position saved = publisher.publish(Subscription.of(id, "Offsets", "bread", null, null, null,
                null, null));
        SubscriptionView.Position deleted = publisher.delete(id);
        List<ConsumerRecord<String, String>> written = records(id);
        assertThat(written).hasSize(2);
        assertThat(saved).isEqualTo(new SubscriptionView.Position(written.get(0).partition(), written.get(0).offset()));
        assertThat(deleted).isEqualTo(new SubscriptionView.Position(written.get(1).partition(), written.get(1).offset()));
    }

    @Test
    void theViewFollowsTheTopicWrittenByOthers() throws Exception {
        String id = "written-elsewhere-" + UUID.randomUUID();
        ObjectNode value = JSON.createObjectNode().put("id", id).put("name", "From another instance")
                .put("query", "bread").put("owner", "other").put("createdAt", "2023-09-12T15:00:00Z")
                .put("updatedAt", "2023-09-12T15:00:00Z");
        value.putArray("topics");
        value.putArray("places");
        try (KafkaProducer<String, String> producer = FixtureCorpus.producer()) {
            producer.send(new ProducerRecord<>("news.subscriptions", id, value.toString())).get();
            // written without a schemaVersion: read as version 0
            JsonNode answered = value.deepCopy().put("schemaVersion", 0);
            await().atMost(WAIT).untilAsserted(() -> assertThat(asAdmin().get("/api/subscriptions/" + id).then()
                    .statusCode(200).extract().as(JsonNode.class)).isEqualTo(answered));
            producer.send(new ProducerRecord<>("news.subscriptions", id, null)).get();
        }
        await().atMost(WAIT).untilAsserted(() -> asAdmin().get("/api/subscriptions/" + id).then().statusCode(404));
    }

    @Test
    void alertsStreamAsServerSentEventsForOneSubscriptionOrAll() throws Exception {
        String mine = "sub-" + UUID.randomUUID();
        String other = "sub-" + UUID.randomUUID();
        List<String> filtered = new CopyOnWriteArrayList<>();
        List<String> all = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        // the admin receives the alerts of every saved search, also of those this instance does not know
        String admin = TestUsers.basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        CompletableFuture<HttpResponse<Stream<String>>> one = open(http, stream + "?subscription=" + mine, admin,
                filtered);
        CompletableFuture<HttpResponse<Stream<String>>> every = open(http, stream.toString(), admin, all);
        AtomicInteger sent = new AtomicInteger();
        try (KafkaProducer<String, String> producer = FixtureCorpus.producer()) {
            // the streams only carry alerts that arrive after they connected: keep alerting until both saw one
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
                int n = sent.incrementAndGet();
                producer.send(new ProducerRecord<>("news.alerts", other, alert(other, "other-" + n))).get();
                producer.send(new ProducerRecord<>("news.alerts", mine, alert(mine, "mine-" + n))).get();
                return filtered.stream().anyMatch(l -> l.contains("\"mine-"))
                        && all.stream().anyMatch(l -> l.contains("\"mine-")) && all.stream().anyMatch(l -> l.contains("\"other-"));
            });
        } finally {
            one.cancel(true);
            every.cancel(true);
        }
        assertThat(one.get().headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<String> data = filtered.stream().filter(l -> l.startsWith("data:")).toList();
        assertThat(data).isNotEmpty().allSatisfy(l -> assertThat(l).contains("\"subscriptionId\":\"" + mine + "\""));
        JsonNode event = JSON.readTree(data.getFirst().substring("data:".length()));
        assertThat(names(event)).containsExactly("schemaVersion", "subscriptionId", "subscriptionName", "articleId",
                "title", "url", "matched", "time");
        assertThat(event.get("subscriptionName").asText()).isEqualTo("Convoys");
        assertThat(event.get("title").asText()).isEqualTo("<b>Convoy</b> reaches Stepanakert");
        assertThat(event.get("matched").toString()).isEqualTo("[\"convoy\",\"Stepanakert\"]");
        assertThat(event.get("time").asText()).isEqualTo("2023-09-12T15:31:00Z");
        // recent alerts, for a panel opened later
        JsonNode recent = asAdmin().queryParam("subscription", mine).get("/api/alerts/recent").then().statusCode(200)
                .extract().as(JsonNode.class);
        assertThat(recent.size()).isGreaterThanOrEqualTo(1);
        recent.forEach(a -> assertThat(a.get("subscriptionId").asText()).isEqualTo(mine));
    }

    @Test
    void anEditorReceivesTheAlertsOfTheirOwnSavedSearchesOnly() throws Exception {
        String mine = asEditor().contentType(ContentType.JSON).body("{\"name\":\"Mine\",\"query\":\"convoy\"}")
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
        String theirs = asOtherEditor().contentType(ContentType.JSON)
                .body("{\"name\":\"Theirs\",\"query\":\"convoy\"}")
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
        String unknown = "sub-" + UUID.randomUUID();
        List<String> editorLines = new CopyOnWriteArrayList<>();
        List<String> otherLines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> editorStream = open(http, stream.toString(),
                TestUsers.basic(TestUsers.EDITOR, TestUsers.EDITOR_PASSWORD), editorLines);
        CompletableFuture<HttpResponse<Stream<String>>> otherStream = open(http, stream.toString(),
                TestUsers.basic(TestUsers.OTHER_EDITOR, TestUsers.OTHER_EDITOR_PASSWORD), otherLines);
        AtomicInteger sent = new AtomicInteger();
        try (KafkaProducer<String, String> producer = FixtureCorpus.producer()) {
            // the unknown and the other's alerts go first, so a leak would arrive before the awaited alert
            await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
                int n = sent.incrementAndGet();
                producer.send(new ProducerRecord<>("news.alerts", unknown, alert(unknown, "unknown-" + n))).get();
                producer.send(new ProducerRecord<>("news.alerts", theirs, alert(theirs, "theirs-" + n))).get();
                producer.send(new ProducerRecord<>("news.alerts", mine, alert(mine, "mine-" + n))).get();
                return editorLines.stream().anyMatch(l -> l.contains("\"mine-"))
                        && otherLines.stream().anyMatch(l -> l.contains("\"theirs-"));
            });
        } finally {
            editorStream.cancel(true);
            otherStream.cancel(true);
        }
        assertThat(editorLines.stream().filter(l -> l.startsWith("data:")).toList()).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("\"subscriptionId\":\"" + mine + "\""));
        assertThat(otherLines.stream().filter(l -> l.startsWith("data:")).toList()).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("\"subscriptionId\":\"" + theirs + "\""));
        // the recent alerts follow the same rule; the admin sees all three saved searches' alerts
        assertThat(asEditor().get("/api/alerts/recent").then().statusCode(200).extract().as(JsonNode.class)
                .findValuesAsText("subscriptionId")).isNotEmpty().containsOnly(mine);
        assertThat(asAdmin().get("/api/alerts/recent").then().statusCode(200).extract().as(JsonNode.class)
                .findValuesAsText("subscriptionId")).contains(mine, theirs, unknown);
        asEditor().delete("/api/subscriptions/" + mine).then().statusCode(204);
        asOtherEditor().delete("/api/subscriptions/" + theirs).then().statusCode(204);
    }

    static CompletableFuture<HttpResponse<Stream<String>>> open(HttpClient http, String url, String authorization,
                                                                 List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", authorization).build();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            try {
                r.body().forEach(lines::add);
            } catch (Exception ignored) {
                // cancelled at the end of the test
            }
        });
        return response;
    }

    static String alert(String subscription, String articleId) {
        return "{\"subscriptionId\":\"" + subscription + "\",\"subscriptionName\":\"Convoys\",\"articleId\":\"" + articleId + "\","
                + "\"title\":\"<b>Convoy</b> reaches Stepanakert\",\"url\":\"https://news.example/" + articleId + "\","
                + "\"matched\":[\"convoy\",\"Stepanakert\"],\"time\":\"2023-09-12T15:31:00Z\",\"future\":1}";
    }

    /** Every record of news.subscriptions with this key, in order. */
    static List<ConsumerRecord<String, String>> records(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafkaBootstrap());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("news.subscriptions").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
