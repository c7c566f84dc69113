package org.newsroommonitor.ingest.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.FixtureFeedServer;
import org.newsroommonitor.ingest.Fixtures;
import org.newsroommonitor.ingest.IngestTestResource;
import org.newsroommonitor.ingest.article.ArticleId;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.status.FeedStatus;
import org.newsroommonitor.ingest.status.FeedStatusService;
import org.newsroommonitor.localstack.TestServers;
import org.newsroommonitor.messages.KafkaTopics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The service against the real Kafka broker: polls a fixture feed served over HTTP (and one that answers 404),
 * and the exact records on news.articles are checked. Polls are triggered by the test; the schedule is 1h in %test.
 */
@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = false)
class FeedPollTest {

    private static final String TOPIC = KafkaTopics.ARTICLES;
    private static final String AID_ID = "f716171f89ccf9b1a7bb5836e85bc4af";
    private static final String BREAD_ID = ArticleId.ofCanonicalUrl(
            "https://caucasus-wire.example/2023/09/13/bread-rationed-in-stepanakert");
    private static final String LACHIN_ID = ArticleId.ofCanonicalUrl(
            "https://caucasus-wire.example/2023/09/14/lachin-reopen");
    private static final String FLOUR_ID = "41db6b7eb3413543de3616f4d15b30a5";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FeedScheduler scheduler;

    @Inject
    FeedStatusService statuses;

    private KafkaConsumer<String, String> consumer;
    private List<TopicPartition> partitions;

    @BeforeEach
    void openConsumer() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        partitions = consumer.partitionsFor(TOPIC).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @AfterEach
    void closeConsumer() {
        consumer.close();
    }

    @Test
    void publishesEveryArticleOnceAndAChangedOneAsRevisionTwo() throws Exception {
        byte[] fixture = Fixtures.feed("caucasus-wire.rss");
        FixtureFeedServer.serve(fixture);
        String feedUrl = FixtureFeedServer.url(FixtureFeedServer.FEED_PATH);
        String missingUrl = FixtureFeedServer.url(FixtureFeedServer.MISSING_PATH);

        // first poll: the four entries, keyed by article id
        scheduler.pollAll();
        Map<String, JsonNode> first = byKey(readToEnd());
        assertThat(first).containsOnlyKeys(AID_ID, BREAD_ID, LACHIN_ID, FLOUR_ID);
        assertThat(first.values()).extracting(article -> article.get("title").asText()).containsExactlyInAnyOrder(
                "Russian Red Cross truck reaches Karabakh through Aghdam", "Bread rationed in Stepanakert",
                "Lachin corridor to reopen, officials say", "Flour offer via Aghdam");
        for (JsonNode article : first.values()) {
            assertThat(article.get("revision").asInt()).isEqualTo(1);
            assertThat(article.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(article.get("sources")).isEqualTo(JSON.readTree("""
                    [{"feedUrl": "%s", "name": "Caucasus Wire", "siteUrl": "https://caucasus-wire.example/"}]"""
                    .formatted(feedUrl)));
            assertThat(article.get("language").asText()).isEqualTo("en");
        }
        JsonNode aid = first.get(AID_ID);
        assertThat(aid.get("id").asText()).isEqualTo(AID_ID);
        assertThat(aid.get("canonicalUrl").asText())
                .isEqualTo("https://caucasus-wire.example/2023/09/12/russian-red-cross-truck-reaches-karabakh");
        assertThat(aid.get("published").asText()).isEqualTo("2023-09-12T14:05:00Z");
        assertThat(aid.get("publishedSource").asText()).isEqualTo("feed-published");
        assertThat(aid.get("firstSeen").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(aid.get("authors")).isEqualTo(JSON.readTree("[\"Caucasus Wire staff\"]"));
        assertThat(aid.get("categories")).isEqualTo(JSON.readTree("[\"Karabakh\", \"Humanitarian\"]"));
        JsonNode flour = first.get(FLOUR_ID);
        assertThat(flour.get("url").isNull()).isTrue();
        assertThat(flour.get("guid").asText()).isEqualTo("caucasus-wire-2023-0915-flour");

        // second poll of the same feed: nothing new
        scheduler.pollAll();
        assertThat(readToEnd()).isEmpty();
        assertThat(status(feedUrl)).satisfies(status -> {
            assertThat(status.itemsSeen()).isEqualTo(4);
            assertThat(status.newItems()).isZero();
            assertThat(status.updatedItems()).isZero();
            assertThat(status.lastError()).isNull();
        });

        // one entry's text changes: exactly one update, revision 2, same id and first sighting
        FixtureFeedServer.serve(new String(fixture, StandardCharsets.UTF_8)
                .replace("Baku offers flour deliveries through Aghdam.",
                        "Baku offers 40 tonnes of flour through Aghdam; Stepanakert refuses.")
                .getBytes(StandardCharsets.UTF_8));
        scheduler.pollAll();
        List<ConsumerRecord<String, String>> update = readToEnd();
        assertThat(update).hasSize(1);
        assertThat(update.get(0).key()).isEqualTo(FLOUR_ID);
        JsonNode revised = JSON.readTree(update.get(0).value());
        assertThat(revised.get("revision").asInt()).isEqualTo(2);
        assertThat(revised.get("text").asText())
                .isEqualTo("Baku offers 40 tonnes of flour through Aghdam; Stepanakert refuses.");
        assertThat(revised.get("firstSeen")).isEqualTo(flour.get("firstSeen"));
        assertThat(revised.get("contentHash")).isNotEqualTo(flour.get("contentHash"));

        // the feed status API shows both feeds, the broken one with its error in plain words
        asAdmin().when().get("/api/feeds").then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].url", equalTo(missingUrl))
                .body("[0].httpStatus", equalTo(404))
                .body("[0].lastError", equalTo("the server answered HTTP 404"))
                .body("[0].lastSuccess", nullValue())
                .body("[1].url", equalTo(feedUrl))
                .body("[1].httpStatus", equalTo(200))
                .body("[1].itemsSeen", equalTo(4))
                .body("[1].newItems", equalTo(0))
                .body("[1].updatedItems", equalTo(1))
                .body("[1].lastError", nullValue())
                .body("[1].lastRepair", nullValue())
                .body("[1].lastFetch", notNullValue())
                .body("[1].nextPoll", notNullValue());

        // three polls of two feeds, five articles confirmed by Kafka
        String metrics = asAdmin().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metric(metrics, "newsroom_ingest_fetches_total{outcome=\"ok\"}")).isEqualTo(3.0);
        assertThat(metric(metrics, "newsroom_ingest_fetches_total{outcome=\"http_error\"}")).isEqualTo(3.0);
        assertThat(metric(metrics, "newsroom_ingest_fetches_total{outcome=\"parse_error\"}")).isEqualTo(0.0);
        assertThat(metric(metrics, "newsroom_ingest_articles_published_total")).isEqualTo(5.0);
        assertThat(metric(metrics, "newsroom_ingest_fetch_duration_seconds_count")).isEqualTo(6.0);
        assertThat(metric(metrics, "newsroom_ingest_articles_new_total")).isEqualTo(4.0);
        String feedId = Feed.idOf(feedUrl);
        String missingId = Feed.idOf(missingUrl);
        assertThat(metric(metrics, "newsroom_ingest_feed_fetches_total{feed=\"" + feedId + "\",outcome=\"ok\",url=\""
                + feedUrl + "\"}")).isEqualTo(3.0);
        assertThat(metric(metrics, "newsroom_ingest_feed_fetches_total{feed=\"" + missingId
                + "\",outcome=\"http_error\",url=\"" + missingUrl + "\"}")).isEqualTo(3.0);
        assertThat(metric(metrics, "newsroom_ingest_feed_articles_total{feed=\"" + feedId + "\",kind=\"new\",url=\""
                + feedUrl + "\"}")).isEqualTo(4.0);
        assertThat(metric(metrics, "newsroom_ingest_feed_articles_total{feed=\"" + feedId
                + "\",kind=\"updated\",url=\"" + feedUrl + "\"}")).isEqualTo(1.0);
        assertThat(metric(metrics, "newsroom_ingest_feed_fetch_bytes_total{feed=\"" + feedId + "\",url=\""
                + feedUrl + "\"}")).isEqualTo(2.0 * fixture.length + fixtureChangedLength(fixture));
        assertThat(metric(metrics, "newsroom_ingest_fetch_bytes_total")).isEqualTo(2.0 * fixture.length
                + fixtureChangedLength(fixture));

        // a copy cut off in its last item is read all the same (nothing new in it), and the status says how
        String changed = new String(fixture, StandardCharsets.UTF_8).replace(
                "Baku offers flour deliveries through Aghdam.",
                "Baku offers 40 tonnes of flour through Aghdam; Stepanakert refuses.");
        FixtureFeedServer.serve(changed.substring(0, changed.indexOf("<title>Flour offer"))
                .getBytes(StandardCharsets.UTF_8));
        scheduler.pollAll();
        assertThat(readToEnd()).isEmpty();
        asAdmin().when().get("/api/feeds/" + feedId).then()
                .statusCode(200)
                .body("itemsSeen", equalTo(3))
                .body("newItems", equalTo(0))
                .body("lastError", nullValue())
                .body("lastRepair", equalTo("the document was cut off after 3 complete items; the incomplete rest "
                        + "was dropped"));
    }

    @Test
    void readinessIncludesKafka() {
        asAdmin().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.status",
                        equalTo("UP"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.articles",
                        startsWith("[OK]"))
                .body("checks.find { it.name == 'feed-state' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'feed-state' }.data.statePartitionsOwned",
                        equalTo(allPartitionsOf(IngestTestResource.STATE_TOPIC)));
    }

    private FeedStatus status(String url) {
        return statuses.statuses().stream().filter(status -> status.url().equals(url)).findFirst().orElseThrow();
    }

    /** Every record from the current position up to the end offsets as they are now. */
    private List<ConsumerRecord<String, String>> readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
        });
        return records;
    }

    private static Map<String, JsonNode> byKey(List<ConsumerRecord<String, String>> records) throws Exception {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            assertThat(byKey.put(record.key(), JSON.readTree(record.value())))
                    .as("one record per key, %s repeated", record.key()).isNull();
        }
        return byKey;
    }

    private static double metric(String prometheus, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(prometheus);
        assertThat(line.find()).as("metric %s in %n%s", series, prometheus).isTrue();
        return Double.parseDouble(line.group(1));
    }

    /** "[0, 1, ..., n-1]" for the n partitions the topic has: the only replica owns them all. */
    private static String allPartitionsOf(String topic) {
        try (Admin admin = TestServers.kafka().admin()) {
            int count = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            return IntStream.range(0, count).boxed().toList().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int fixtureChangedLength(byte[] fixture) {
        return new String(fixture, StandardCharsets.UTF_8)
                .replace("Baku offers flour deliveries through Aghdam.",
                        "Baku offers 40 tonnes of flour through Aghdam; Stepanakert refuses.")
                .getBytes(StandardCharsets.UTF_8).length;
    }

}
