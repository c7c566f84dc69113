package org.newsroommonitor.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsroommonitor.localstack.LocalStack;
import org.newsroommonitor.localstack.SampleFeedServer;
import org.newsroommonitor.messages.KafkaTopics;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline as {@code ./newsroom run} starts it: sample feeds served over HTTP, ingest-service,
 * classify-service and search-service as packaged jars, a real Kafka broker and a real Elasticsearch node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int SAMPLE_ARTICLES = 6;

    private static final String FLOUR_TITLE = "Stepanakert turns down Azerbaijani flour shipment, insists on Lachin corridor";
    private static final String TRUCK_TITLE = "Russian Red Cross truck with 15 tonnes of food reaches Karabakh via Aghdam";
    private static final List<String> UNRELATED_TITLES = List.of(
            "Ararat-Armenia edge Pyunik in a tense Yerevan derby",
            "Armenian central bank holds its key rate as the dram steadies",
            "Tbilisi marathon draws a record field of runners",
            "Caspian freight operator reports record volumes on the Middle Corridor");

    private static TemporaryStack temporaryStack;
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws IOException {
        temporaryStack = new TemporaryStack("e2e", Duration.ofSeconds(3));
        stack = temporaryStack.start();
    }

    @AfterAll
    static void stopStack() throws IOException {
        if (temporaryStack != null) {
            temporaryStack.close();
        }
    }

    @Test
    @Order(1)
    void sampleArticlesBecomeSearchableWithTheirTopics() {
        JsonNode lachin = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> search("q=Lachin"), r -> r.path("total").asInt() == 2);

        Map<String, JsonNode> byTitle = hitsByTitle(lachin);
        assertThat(byTitle).containsOnlyKeys(FLOUR_TITLE, TRUCK_TITLE);
        assertThat(topicIds(byTitle.get(FLOUR_TITLE))).contains("blockade", "humanitarian-aid");
        assertThat(topicIds(byTitle.get(TRUCK_TITLE))).contains("blockade", "humanitarian-aid", "food-security");

        JsonNode truckBlockade = StreamSupport.stream(byTitle.get(TRUCK_TITLE).path("topics").spliterator(), false)
                .filter(t -> t.path("id").asText().equals("blockade")).findFirst().orElseThrow();
        assertThat(truckBlockade.path("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(truckBlockade.path("matched")).isNotEmpty();
        assertThat(byTitle.get(TRUCK_TITLE).path("source").asText()).isEqualTo("Relief Monitor");
        assertThat(byTitle.get(FLOUR_TITLE).path("source").asText()).isEqualTo("Caucasus Wire");
        assertThat(byTitle.get(FLOUR_TITLE).path("url").asText()).startsWith("https://caucasus-wire.example/2023/08/29/");
    }

    @Test
    @Order(2)
    void unrelatedSportAndBusinessArticlesCarryNoTopic() {
        JsonNode all = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> search("size=100"), r -> r.path("total").asInt() == SAMPLE_ARTICLES);
        Map<String, JsonNode> byTitle = hitsByTitle(all);
        assertThat(byTitle).containsKeys(UNRELATED_TITLES.toArray(String[]::new));
        for (String title : UNRELATED_TITLES) {
            assertThat(byTitle.get(title).path("topics")).as("topics of '%s'", title).isEmpty();
        }
        List<String> published = StreamSupport.stream(all.path("hits").spliterator(), false)
                .map(h -> h.path("published").asText()).toList();
        assertThat(published).as("an empty query lists the newest first")
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    /**
     * Fetching the feeds again creates no duplicate: a restarted ingest-service fetches both feeds again but
     * remembers (in news.feed-state) what it published, so it publishes nothing; and an article delivered twice
     * anyway (here: the same news.articles record produced again) is still one document, because the index is
     * keyed by the stable article id.
     */
    @Test
    @Order(3)
    void fetchingTheFeedsAgainCreatesNoDuplicate() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> search("size=100").path("total").asInt() == SAMPLE_ARTICLES);
        long articlesBefore = endOffsets("news.articles");
        int fetchesBefore = fetches();

        stack.restartService("ingest-service", Duration.ofSeconds(90));

        await().atMost(Duration.ofSeconds(60)).until(() -> fetches() >= fetchesBefore + 2 * SampleFeedServer.BUNDLED.size());
        assertThat(endOffsets("news.articles")).as("nothing republished after the restart").isEqualTo(articlesBefore);
        assertThat(documentCount()).isEqualTo(SAMPLE_ARTICLES);

        long classifiedBefore = endOffsets("news.classified");
        redeliverOneArticle();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> endOffsets("news.classified") >= classifiedBefore + 1 && searchLag() == 0);
        assertThat(search("size=100").path("total").asInt()).isEqualTo(SAMPLE_ARTICLES);
        assertThat(documentCount()).isEqualTo(SAMPLE_ARTICLES);
    }

    /**
     * A field no service knows, added by a producer of news.articles, reaches the index unchanged: classify-service
     * passes through what it does not own and search-service stores the message as it arrived.
     */
    @Test
    @Order(4)
    void aFieldNoServiceKnowsReachesTheIndexUnchanged() throws Exception {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        String id = "e2e-unknown-field-" + System.nanoTime();
        article.put("id", id);
        article.put("clusterId", "cluster-17");
        article.putObject("provenance").put("pipeline", "wire-desk").putArray("hops").add("a").add("b");
        produce(KafkaTopics.ARTICLES, id, article.toString());

        JsonNode source = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> storedSource(id), s -> s != null);

        assertThat(source.path("clusterId").asText()).isEqualTo("cluster-17");
        assertThat(source.path("provenance")).isEqualTo(article.path("provenance"));
        assertThat(topicIds(source)).contains("humanitarian-aid", "blockade");
        assertThat(source.path("taxonomyVersion").asText()).isNotBlank();
        article.fieldNames().forEachRemaining(field ->
                assertThat(source.get(field)).as(field).isEqualTo(article.get(field)));
    }

    /**
     * The saved-search loop across the three services: a search saved through search-service's API reaches
     * classify-service through news.subscriptions; an article that matches it, produced to news.articles, raises an
     * alert on news.alerts that search-service streams to the search's server-sent events; an article that does not
     * match raises none.
     */
    @Test
    @Order(5)
    void aSavedSearchAlertsItsStreamWhenAMatchingArticleArrives() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String marker = "wire" + run; // a word no other article has
        URI search = stack.service("search-service").uri();
        URI classify = stack.service("classify-service").uri();

        HttpResponse<String> saved = post(search.resolve("/api/subscriptions"),
                "{\"name\":\"E2E convoy watch\",\"query\":\"convoy AND " + marker + "\"}");
        assertThat(saved.statusCode()).as("POST /api/subscriptions -> %s", saved.body()).isEqualTo(201);
        // the owner is the signed-in editor, one of the users the local stack made
        assertThat(JSON.readTree(saved.body()).path("owner").asText()).isEqualTo("editor");
        String subscription = JSON.readTree(saved.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> status(classify.resolve("/api/subscriptions/" + subscription)) == 200);

        // alerts are their saved search's owner's: the editor who saved it reads them
        String editor = stack.users().basicAuthorization("editor");
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = HTTP.sendAsync(HttpRequest.newBuilder(
                        search.resolve("/api/alerts/stream?subscription=" + subscription))
                        .header("Accept", "text/event-stream").header("Authorization", editor).build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(30, TimeUnit.SECONDS); // the headers come once the stream is open
        CompletableFuture.runAsync(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // closed at the end of the test
            }
        });
        try {
            assertThat(stream.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");

            // the marker without "convoy": no alert for this search. classify-service commits an article's offset
            // only once its alerts are written, so after the commit every alert of this article is in news.alerts
            String missId = "e2e-miss-" + run;
            RecordMetadata miss = produce(KafkaTopics.ARTICLES, missId, article(missId,
                    "Bread queues lengthen in Stepanakert", "Reported by " + marker + " desk.").toString());
            TopicPartition missPartition = new TopicPartition(miss.topic(), miss.partition());
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> committed("classify-service", missPartition) > miss.offset());

            String hitId = "e2e-hit-" + run;
            produce(KafkaTopics.ARTICLES, hitId, article(hitId, "Aid convoy reaches Stepanakert",
                    "Reported by " + marker + " desk.").toString());
            JsonNode alert = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> events(lines).stream().filter(e -> hitId.equals(e.path("articleId").asText()))
                            .findFirst().orElse(null), e -> e != null);

            assertThat(alert.path("subscriptionId").asText()).isEqualTo(subscription);
            assertThat(alert.path("subscriptionName").asText()).isEqualTo("E2E convoy watch");
            assertThat(alert.path("title").asText()).isEqualTo("Aid convoy reaches Stepanakert");
            assertThat(alert.path("url").asText()).isEqualTo("https://example.org/" + hitId);
            assertThat(JSON.convertValue(alert.path("matched"), List.class)).containsExactly("convoy", marker);
            // alerts of one saved search share a partition of news.alerts (keyed by its id), so an alert of the
            // article that did not match would have come first
            assertThat(events(lines)).extracting(e -> e.path("articleId").asText()).containsExactly(hitId);
            HttpResponse<String> recent = HTTP.send(HttpRequest.newBuilder(
                    search.resolve("/api/alerts/recent?subscription=" + subscription))
                            .header("Authorization", editor).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(recent.body()).findValuesAsText("articleId")).containsExactly(hitId);
        } finally {
            stream.body().close();
        }
    }

    /** The stored document of an article ({@code _source}), or null while there is none. */
    private static JsonNode storedSource(String id) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.elasticsearch().httpUri()
                .resolve("/news-articles/_doc/" + id)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("_source") : null;
    }

    private static RecordMetadata produce(String topic, String key, String value) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", stack.kafka().bootstrapServers(), "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            return producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The offset a consumer group committed on a partition, or -1 while it has committed none. */
    private static long committed(String group, TopicPartition partition) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    /** The example article of docs/messages with this id, title and summary, and no text. */
    private static ObjectNode article(String id, String title, String summary) {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        article.put("id", id);
        article.put("url", "https://example.org/" + id);
        article.put("title", title);
        article.put("summary", summary);
        article.put("text", "");
        return article;
    }

    /** A POST as the stack's editor (saved searches are a signed-in editor's). */
    private static HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", stack.users().basicAuthorization("editor"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a GET as the stack's admin. */
    private static int status(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", stack.users().basicAuthorization("admin"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }


    /** The JSON data of the server-sent events read so far. */
    private static List<JsonNode> events(List<String> lines) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("data:")) {
                events.add(JSON.readTree(line.substring("data:".length())));
            }
        }
        return events;
    }

    private static int documentCount() throws Exception {
        HttpResponse<String> count = HTTP.send(HttpRequest.newBuilder(stack.elasticsearch().httpUri()
                .resolve("/news-articles/_count")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(count.body()).path("count").asInt();
    }

    /** Produces the first record of news.articles again, key and value unchanged. */
    private static void redeliverOneArticle() throws Exception {
        String bootstrap = stack.kafka().bootstrapServers();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", bootstrap, "group.id", "e2e-redeliver", "auto.offset.reset", "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer());
             var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                     "bootstrap.servers", bootstrap, "acks", "all"),
                     new org.apache.kafka.common.serialization.StringSerializer(),
                     new org.apache.kafka.common.serialization.StringSerializer())) {
            consumer.subscribe(List.of("news.articles"));
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                return !records.isEmpty();
            });
            var first = records.getFirst();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("news.articles", first.key(), first.value()))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static int fetches() {
        return SampleFeedServer.BUNDLED.stream().mapToInt(stack.feedServer()::requestCount).sum();
    }

    private static long endOffsets(String topic) throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
        }
    }

    /** Records of news.classified that search-service has not committed yet. */
    private static long searchLag() throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("search-service")
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long committedTotal = committed.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals("news.classified") && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
            return endOffsets("news.classified") - committedTotal;
        }
    }

    private static JsonNode search(String query) throws IOException, InterruptedException {
        URI uri = stack.service("search-service").uri().resolve("/api/search?" + query);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s -> %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Map<String, JsonNode> hitsByTitle(JsonNode result) {
        return StreamSupport.stream(result.path("hits").spliterator(), false)
                .collect(Collectors.toMap(h -> h.path("title").asText(), h -> h));
    }

    private static List<String> topicIds(JsonNode hit) {
        List<String> ids = new ArrayList<>();
        hit.path("topics").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }
}
