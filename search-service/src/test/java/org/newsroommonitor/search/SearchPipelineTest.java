package org.newsroommonitor.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsroommonitor.search.index.IndexingMetrics;
import org.newsroommonitor.search.messaging.DeadLetterPublisher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service against the real Kafka broker and Elasticsearch node: classified articles produced to
 * news.classified become searchable through /api/search with exact results.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchPipelineTest {

    static final String DOCS_ID = "f716171f89ccf9b1a7bb5836e85bc4af";
    static final String AGHDAM_ID = "search-test-aghdam-convoy";
    static final String BREAD_ID = "search-test-bread-rationing";
    static final String SPORT_ID = "search-test-football-derby";
    static final String REVISED_ID = "search-test-revised";
    static final int FILLERS = 105;
    static final Duration WAIT = Duration.ofSeconds(90);

    static final ObjectMapper JSON = new ObjectMapper();
    static volatile boolean seeded;

    @Inject
    ElasticsearchClient elasticsearch;
    @Inject
    RestClient lowLevel;
    @Inject
    MeterRegistry registry;

    @BeforeEach
    void seedOnce() throws Exception {
        synchronized (SearchPipelineTest.class) {
            if (seeded) {
                return;
            }
            List<ObjectNode> articles = new ArrayList<>();
            articles.add(docsExample());
            articles.add(article(AGHDAM_ID, "Aid convoy of 22 trucks waits at Aghdam road",
                    "Twenty-two trucks of flour and medicine are parked at the Aghdam checkpoint awaiting permission.",
                    "2023-09-11T09:30:00Z", "Region Monitor",
                    topic("humanitarian-aid", 0.81, "trucks of flour and medicine")));
            articles.add(article(BREAD_ID, "Bread rationing tightens in Stepanakert",
                    "Families queue for hours as each person now receives 200 grams of bread per day.",
                    "2023-09-10T08:00:00Z", "Stepanakert Daily",
                    topic("shortage", 0.9, "rationing", "queue for hours")));
            articles.add(article(SPORT_ID, "Local football club wins the derby",
                    "A late goal settled the city derby on Sunday evening in front of a full stadium.",
                    "2023-09-13T19:00:00Z", "Sports Desk"));
            for (int i = 0; i < FILLERS; i++) {
                articles.add(article("search-test-filler-" + i, "Weather bulletin number " + i,
                        "Mild temperatures expected across the valley.",
                        Instant.parse("2020-01-01T00:00:00Z").plusSeconds(60L * i).toString(), "Weather Service",
                        topic("weather", 0.5, "temperatures")));
            }
            try (KafkaProducer<String, String> producer = producer()) {
                for (ObjectNode article : articles) {
                    producer.send(new ProducerRecord<>("news.classified", article.get("id").asText(), article.toString())).get();
                }
            }
            // other test classes (outage, API) may have indexed articles of their own: count only ours
            String ids = JSON.writeValueAsString(articles.stream().map(a -> a.get("id").asText()).toList());
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(count("{\"query\":{\"ids\":{\"values\":" + ids + "}}}")).isEqualTo(4 + FILLERS));
            seeded = true;
        }
    }

    @Test
    void wordQueryFindsExactlyTheDocsExample() {
        JsonNode body = search(Map.of("q", "Lachin"), 200);
        assertThat(body.get("total").asLong()).isEqualTo(1);
        JsonNode hit = body.get("hits").get(0);
        assertThat(names(hit)).containsExactlyInAnyOrder("id", "title", "url", "source", "published", "summary", "topics",
                "language", "places", "organisations", "highlight");
        assertThat(hit.get("id").asText()).isEqualTo(DOCS_ID);
        assertThat(hit.get("title").asText()).isEqualTo("Russian Red Cross truck reaches Karabakh through Aghdam");
        assertThat(hit.get("url").asText()).isEqualTo(
                "https://caucasus-wire.example/2023/09/12/russian-red-cross-truck-reaches-karabakh?utm_source=rss&utm_medium=feed");
        assertThat(hit.get("source").asText()).isEqualTo("Caucasus Wire");
        assertThat(hit.get("published").asText()).isEqualTo("2023-09-12T14:05:00Z");
        assertThat(hit.get("summary").asText()).startsWith("A single Russian Red Cross lorry");
        // each topic as the docs example carries it (classify-service's output), without hits: id, score, matched
        JsonNode expected;
        try {
            expected = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(RepoFiles.message("classified-article.json").toFile()).path("topics");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JsonNode topics = hit.get("topics");
        assertThat(topics).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(topics.get(i).get("id")).isEqualTo(expected.get(i).get("id"));
            assertThat(topics.get(i).get("score").asDouble()).isEqualTo(expected.get(i).get("score").asDouble());
            assertThat(topics.get(i).get("matched")).isEqualTo(expected.get(i).get("matched"));
            assertThat(names(topics.get(i))).containsExactly("id", "score", "matched");
        }
    }

    @Test
    void phraseQueryMatchesWordsInOrderOnly() {
        assertThat(ids(search(Map.of("q", "\"Red Cross lorry\""), 200))).containsExactly(DOCS_ID);
        assertThat(search(Map.of("q", "\"lorry Red Cross\""), 200).get("total").asLong()).isZero();
        // the same words without quotes (all must match, any order)
        assertThat(ids(search(Map.of("q", "lorry Red Cross"), 200))).containsExactly(DOCS_ID);
        // words are AND-ed: Aghdam is in two articles, Aghdam + checkpoint in one
        assertThat(ids(search(Map.of("q", "Aghdam"), 200))).containsExactlyInAnyOrder(DOCS_ID, AGHDAM_ID);
        assertThat(ids(search(Map.of("q", "Aghdam checkpoint"), 200))).containsExactly(AGHDAM_ID);
    }

    @Test
    void relevanceOrderPrefersTitleMatches() {
        JsonNode body = search(Map.of("q", "Stepanakert"), 200);
        // bread has Stepanakert in its title (boost 3), the docs example only in summary and text
        assertThat(ids(body)).containsExactly(BREAD_ID, DOCS_ID);
    }

    @Test
    void topicFilter() {
        assertThat(ids(search(Map.of("topic", "humanitarian-aid"), 200))).containsExactly(DOCS_ID, AGHDAM_ID);
        JsonNode both = given().queryParam("topic", "humanitarian-aid").queryParam("topic", "blockade")
                .get("/api/search").then().statusCode(200).extract().as(JsonNode.class);
        assertThat(ids(both)).containsExactly(DOCS_ID);
        assertThat(ids(search(Map.of("q", "Aghdam", "topic", "blockade"), 200))).containsExactly(DOCS_ID);
        assertThat(search(Map.of("topic", "no-such-topic"), 200).get("total").asLong()).isZero();
    }

    @Test
    void dateFilters() {
        assertThat(ids(search(Map.of("from", "2023-09-11", "to", "2023-09-12"), 200))).containsExactly(DOCS_ID, AGHDAM_ID);
        assertThat(ids(search(Map.of("from", "2023-09-13"), 200))).containsExactly(SPORT_ID);
        assertThat(ids(search(Map.of("from", "2023-09-10", "to", "2023-09-10"), 200))).containsExactly(BREAD_ID);
        assertThat(ids(search(Map.of("from", "2023-09-12T14:05:00Z", "to", "2023-09-12T14:05:00Z"), 200)))
                .containsExactly(DOCS_ID);
        assertThat(ids(search(Map.of("from", "2023-09-12T14:05:01Z", "to", "2023-09-13T18:59:59Z"), 200))).isEmpty();
        assertThat(search(Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-01-01T00:01:00Z"), 200)
                .get("total").asLong()).isEqualTo(2);
    }

    @Test
    void emptyQueryListsNewestFirst() throws Exception {
        JsonNode body = search(Map.of(), 200);
        assertThat(body.get("total").asLong()).isEqualTo(indexCount());
        assertThat(body.get("hits")).hasSize(20);
        assertThat(ids(body).subList(0, 5))
                .containsExactly(SPORT_ID, DOCS_ID, AGHDAM_ID, BREAD_ID, "search-test-filler-" + (FILLERS - 1));
        List<String> published = new ArrayList<>();
        body.get("hits").forEach(h -> published.add(h.get("published").asText()));
        assertThat(published).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
        // the sport article has no topics: an empty list, not null
        assertThat(body.get("hits").get(0).get("topics").isArray()).isTrue();
        assertThat(body.get("hits").get(0).get("topics")).isEmpty();
    }

    @Test
    void sizeIsCappedAt100() {
        assertThat(search(Map.of("size", "2"), 200).get("hits")).hasSize(2);
        JsonNode capped = search(Map.of("size", "1000"), 200);
        assertThat(capped.get("total").asLong()).isGreaterThan(100);
        assertThat(capped.get("hits")).hasSize(100);
        assertThat(search(Map.of("topic", "weather", "size", "0"), 200).get("total").asLong()).isEqualTo(FILLERS);
    }

    @Test
    void badParametersGive400WithAnError() {
        JsonNode body = search(Map.of("from", "yesterday"), 400);
        assertThat(body.get("error").asText()).contains("from").contains("yesterday");
        assertThat(names(body)).containsExactly("error");
        assertThat(search(Map.of("to", "2023-02-30"), 400).get("error").asText()).contains("to");
        assertThat(search(Map.of("size", "lots"), 400).get("error").asText()).contains("size");
        assertThat(search(Map.of("from", "2023-09-13", "to", "2023-09-12"), 400).get("error").asText()).contains("after");
    }

    @Test
    void hostileQueriesNeverFail() {
        List<String> hostile = List.of("\"unbalanced ( [ ~ * \\", "\\", "\"", "((((", ")))", "~~~~", "*", "-", "+-|",
                "foo~99999", "title:Lachin AND (", "<script>alert(1)</script>", "Lachin~2 \"corridor", "\u0000",
                "🚚 aid", "a* b* c* d*", "x".repeat(1000), "word ".repeat(199) + "word", "-Lachin -aid", "|||");
        for (String q : hostile) {
            Response response = given().queryParam("q", q).get("/api/search");
            assertThat(response.statusCode()).as("status for q=%s", q).isIn(200, 400);
            JsonNode body = response.as(JsonNode.class);
            if (response.statusCode() == 200) {
                assertThat(body.has("total")).as("body for q=%s", q).isTrue();
            } else {
                assertThat(body.get("error").asText()).as("body for q=%s", q).isNotBlank();
            }
        }
        assertThat(given().queryParam("q", "x".repeat(1001)).get("/api/search").statusCode()).isEqualTo(400);
    }

    @Test
    void redeliveryNeverDuplicates() throws Exception {
        double updatedBefore = counter(IndexingMetrics.INDEXED, "result", "updated");
        long countBefore = indexCount();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("news.classified", DOCS_ID, docsExample().toString())).get();
        }
        await().atMost(WAIT).until(() -> counter(IndexingMetrics.INDEXED, "result", "updated") > updatedBefore);
        assertThat(search(Map.of("q", "Lachin"), 200).get("total").asLong()).isEqualTo(1);
        assertThat(indexCount()).isEqualTo(countBefore);
        assertThat(count("{\"query\":{\"term\":{\"id\":\"" + DOCS_ID + "\"}}}")).isEqualTo(1);
    }

    @Test
    void anOlderRevisionNeverOverwritesANewerOne() throws Exception {
        ObjectNode rev2 = article(REVISED_ID, "Checkpoint reopened for pharmacists", "Revision two.",
                "2019-05-01T10:00:00Z", "Revision Wire", topic("revisions", 0.6, "reopened"));
        rev2.put("revision", 2);
        ObjectNode rev1 = rev2.deepCopy();
        rev1.put("revision", 1).put("title", "Checkpoint closed for pharmacists");
        double staleBefore = counter(IndexingMetrics.INDEXED, "result", "stale");
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("news.classified", REVISED_ID, rev2.toString())).get();
            producer.send(new ProducerRecord<>("news.classified", REVISED_ID, rev1.toString())).get();
        }
        await().atMost(WAIT).until(() -> counter(IndexingMetrics.INDEXED, "result", "stale") > staleBefore);
        // refreshed within a second; the revision-1 title must never show up
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode body = search(Map.of("topic", "revisions"), 200);
            assertThat(body.get("total").asLong()).isEqualTo(1);
            assertThat(body.get("hits").get(0).get("title").asText()).isEqualTo("Checkpoint reopened for pharmacists");
        });
        assertThat(lowLevelGet("/news-articles/_doc/" + REVISED_ID).at("/_source/title").asText())
                .isEqualTo("Checkpoint reopened for pharmacists");
        assertThat(lowLevelGet("/news-articles/_doc/" + REVISED_ID).get("_version").asLong()).isEqualTo(2);
    }

    @Test
    void unreadableMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        String noRevisionKey = "no-revision-" + UUID.randomUUID();
        String afterId = "search-test-after-poison-" + UUID.randomUUID();
        ObjectNode noRevision = article(noRevisionKey, "No revision", "x", "2018-01-01T00:00:00Z", "Broken Feed");
        noRevision.remove("revision");
        ObjectNode after = article(afterId, "Pharmacies restocked after the poison", "Insulin arrived.",
                "2018-01-02T00:00:00Z", "Health Wire", topic("poison-test", 0.7, "Insulin"));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("news.classified", poisonKey, "{\"id\": \"broken\", not json")).get();
            producer.send(new ProducerRecord<>("news.classified", noRevisionKey, noRevision.toString())).get();
            producer.send(new ProducerRecord<>("news.classified", afterId, after.toString())).get();
        }
        Map<String, ConsumerRecord<String, String>> dead = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("news.classified.dlq"));
            await().atMost(WAIT).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> dead.put(r.key(), r));
                assertThat(dead).containsKeys(poisonKey, noRevisionKey);
            });
        }
        ConsumerRecord<String, String> poison = dead.get(poisonKey);
        assertThat(poison.value()).isEqualTo("{\"id\": \"broken\", not json");
        assertThat(header(poison, DeadLetterPublisher.HEADER_REASON)).startsWith("unreadable classified article");
        assertThat(header(poison, DeadLetterPublisher.HEADER_TOPIC)).isEqualTo("news.classified");
        assertThat(header(poison, DeadLetterPublisher.HEADER_OFFSET)).matches("\\d+");
        assertThat(header(dead.get(noRevisionKey), DeadLetterPublisher.HEADER_REASON))
                .startsWith("does not match the classified-article schema v1: ")
                .contains("required property 'revision' not found");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(ids(search(Map.of("topic", "poison-test"), 200))).containsExactly(afterId));
        assertThat(search(Map.of("q", "\"No revision\""), 200).get("total").asLong()).isZero();
    }

    @Test
    void indexIsCreatedBehindTheAliasWithAnExplicitMappingAndTheAvailableAnalyzer() throws Exception {
        JsonNode aliases = lowLevelGet("/_alias/news-articles");
        assertThat(names(aliases)).containsExactly("news-articles-v1");
        JsonNode mapping = lowLevelGet("/news-articles-v1/_mapping").at("/news-articles-v1/mappings");
        assertThat(mapping.get("dynamic").asText()).isEqualTo("false");
        // the test cluster (integ-test distribution) has no english analyzer: standard is used
        assertThat(mapping.at("/properties/text/analyzer").asText()).isEqualTo("standard");
        assertThat(mapping.at("/properties/topics/type").asText()).isEqualTo("nested");
        assertThat(mapping.at("/properties/published/type").asText()).isEqualTo("date");
        // offsets for the highlighter, global ordinals of the facets built at refresh
        assertThat(mapping.at("/properties/text/index_options").asText()).isEqualTo("offsets");
        assertThat(mapping.at("/properties/placeFacet/eager_global_ordinals").asBoolean()).isTrue();
        // the stored document is the message as it arrived
        ObjectNode source = (ObjectNode) lowLevelGet("/news-articles/_doc/" + DOCS_ID).get("_source");
        // the fields derived at indexing: a geo_point per place with coordinates, and the facet keys (id U+001F name)
        JsonNode locations = source.remove("placeLocations");
        JsonNode placeFacet = source.remove("placeFacet");
        JsonNode organisationFacet = source.remove("organisationFacet");
        if (source.has("places")) {
            assertThat(locations.size()).isEqualTo(source.get("places").size());
            assertThat(locations.get(0).get("lat").asDouble()).isEqualTo(source.at("/places/0/lat").asDouble());
            assertThat(placeFacet.get(0).asText())
                    .isEqualTo(source.at("/places/0/id").asText() + "\u001F" + source.at("/places/0/name").asText());
            assertThat(placeFacet.size()).isEqualTo(source.get("places").size());
        }
        if (source.has("organisations")) {
            assertThat(organisationFacet.get(0).asText()).isEqualTo(source.at("/organisations/0/id").asText()
                    + "\u001F" + source.at("/organisations/0/name").asText());
        }
        JsonNode example = JSON.readTree(Files.readAllBytes(RepoFiles.message("classified-article.json")));
        assertThat(source).isEqualTo(example);
    }

    @Test
    void healthMetricsOpenApiAndUi() {
        JsonNode ready = given().get("/q/health/ready").then().statusCode(200).extract().as(JsonNode.class);
        List<String> checks = new ArrayList<>();
        ready.get("checks").forEach(c -> {
            checks.add(c.get("name").asText());
            assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("UP");
        });
        assertThat(checks).contains("Elasticsearch cluster health check", "Search index");
        assertThat(String.join(",", checks).toLowerCase()).contains("kafka");

        search(Map.of("q", "Lachin"), 200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("newsroom_search_indexed_total{", "newsroom_search_index_failures_total{",
                "newsroom_search_latency_seconds_count{");
        assertThat(metrics).containsPattern("newsroom_search_indexed_total\\{[^}]*result=\"created\"[^}]*} [1-9]");

        String openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/search", "/api/articles/{id}", "/api/articles/{id}/similar", "cursor", "interval");

        // the UI itself (index.html and its scripts) is covered by the UI tests in org.newsroommonitor.search.ui
        given().get("/").then().statusCode(200).contentType(ContentType.HTML);
    }

    /** Runs last: stops Elasticsearch, so every other test must be done. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anElasticsearchOutageDelaysIndexingButLosesNothing() throws Exception {
        String id = "search-test-during-outage";
        double transientBefore = counter(IndexingMetrics.FAILURES, "reason", "transient");
        SharedServers.stopElasticsearch();
        try {
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode ready = given().get("/q/health/ready").then().statusCode(503).extract().as(JsonNode.class);
                assertThat(ready.get("status").asText()).isEqualTo("DOWN");
            });
            JsonNode unavailable = search(Map.of("q", "Lachin"), 503);
            assertThat(unavailable.get("error").asText()).isNotBlank();

            try (KafkaProducer<String, String> producer = producer()) {
                producer.send(new ProducerRecord<>("news.classified", id, article(id, "Fuel deliveries resume",
                        "Diesel reached the hospital generators.", "2017-03-03T03:03:03Z", "Energy Wire",
                        topic("outage-test", 0.8, "Diesel")).toString())).get();
            }
            // the consumer tries, fails, and keeps the message (no commit) while Elasticsearch is down
            await().atMost(WAIT).until(() -> counter(IndexingMetrics.FAILURES, "reason", "transient") > transientBefore);
        } finally {
            SharedServers.startElasticsearch();
        }
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(ids(search(Map.of("topic", "outage-test"), 200))).containsExactly(id));
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static JsonNode search(Map<String, String> params, int status) {
        return given().queryParams(params).get("/api/search")
                .then().statusCode(status).contentType(ContentType.JSON).extract().as(JsonNode.class);
    }

    static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        assertThat(body.get("total").asLong()).isGreaterThanOrEqualTo(ids.size());
        return ids;
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    long indexCount() throws Exception {
        return elasticsearch.count(c -> c.index("news-articles")).count();
    }

    long count(String query) throws Exception {
        Request request = new Request("POST", "/news-articles/_count");
        request.setJsonEntity(query);
        return JSON.readTree(lowLevel.performRequest(request).getEntity().getContent()).get("count").asLong();
    }

    JsonNode lowLevelGet(String path) throws Exception {
        return JSON.readTree(lowLevel.performRequest(new Request("GET", path)).getEntity().getContent());
    }

    double counter(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static ObjectNode docsExample() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readAllBytes(RepoFiles.message("classified-article.json")));
    }

    static ObjectNode article(String id, String title, String summary, String published, String source,
            ObjectNode... topics) {
        ObjectNode a = JSON.createObjectNode();
        a.put("schemaVersion", 1).put("id", id).put("revision", 1)
                .put("url", "https://news.example/" + id).put("canonicalUrl", "https://news.example/" + id)
                .putNull("guid").put("title", title).put("summary", summary).put("text", summary)
                .put("published", published).put("publishedSource", "feed-published").put("firstSeen", published)
                .put("language", "en");
        a.putArray("authors");
        a.putArray("categories");
        a.putArray("sources").addObject().put("feedUrl", "https://news.example/feed.rss").put("name", source)
                .put("siteUrl", "https://news.example/");
        a.put("contentHash", "0".repeat(64));
        ArrayNode topicArray = a.putArray("topics");
        for (ObjectNode topic : topics) {
            topicArray.add(topic);
        }
        a.put("taxonomyVersion", "test").put("classifiedAt", published);
        return a;
    }

    static ObjectNode topic(String id, double score, String... matched) {
        ObjectNode t = JSON.createObjectNode().put("id", id).put("score", score);
        ArrayNode m = t.putArray("matched");
        for (String term : matched) {
            m.add(term);
        }
        t.putArray("hits");
        return t;
    }

    static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "search-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
