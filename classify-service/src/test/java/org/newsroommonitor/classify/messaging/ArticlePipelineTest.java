package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.KafkaTestResource;
import org.newsroommonitor.classify.KafkaTopicWriter;
import org.newsroommonitor.localstack.TestServers;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** news.articles -> classify-service -> news.classified / news.articles.dlq against the real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ArticlePipelineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ObjectMapper mapper = Messages.mapper();

    @Test
    void exampleArticleIsClassifiedWithItsKey() throws Exception {
        String article = DocsExamples.text(MessageType.ARTICLE);
        JsonNode input = mapper.readTree(article);
        String id = input.get("id").asText();

        try (KafkaConsumer<String, String> consumer = consumer("news.classified")) {
            KafkaTopicWriter.send("news.articles", id, article);

            ConsumerRecord<String, String> record = awaitRecord(consumer, id);
            assertThat(record.key()).isEqualTo(id);
            JsonNode classified = mapper.readTree(record.value());
            assertThat(classified.get("id").asText()).isEqualTo(id);
            List<String> topics = new ArrayList<>();
            classified.get("topics").forEach(topic -> topics.add(topic.get("id").asText()));
            // exactly the topics of the documented example (docs/messages/classified-article.json)
            List<String> expected = new ArrayList<>();
            mapper.readTree(DocsExamples.text(MessageType.CLASSIFIED_ARTICLE)).get("topics")
                    .forEach(topic -> expected.add(topic.get("id").asText()));
            assertThat(topics).containsExactlyElementsOf(expected).contains("humanitarian-aid", "blockade");
            assertThat(classified.get("taxonomyVersion").asText()).isEqualTo(org.newsroommonitor.classify.taxonomy.BundledTaxonomy.VERSION);
            assertThat(Instant.parse(classified.get("classifiedAt").asText()))
                    .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plusSeconds(5));
            input.fieldNames().forEachRemaining(field ->
                    assertThat(classified.get(field)).as(field).isEqualTo(input.get(field)));
            // topics with their hits, places and organisations exactly as in the documented example
            JsonNode example = mapper.readTree(DocsExamples.text(MessageType.CLASSIFIED_ARTICLE));
            for (String field : List.of("topics", "places", "organisations", "taxonomyVersion")) {
                assertThat(classified.get(field)).as(field).isEqualTo(example.get(field));
            }
        }
        asAdmin().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsroom_classify_topics_total{topic=\"blockade\"}"))
                .body(containsString("newsroom_classify_topics_total{topic=\"food-security\"}"));
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndTheStreamGoesOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        String poison = "this is not JSON {";
        ObjectNode good = (ObjectNode) mapper.readTree(DocsExamples.text(MessageType.ARTICLE));
        String goodId = UUID.randomUUID().toString().replace("-", "");
        good.put("id", goodId);
        good.put("title", "Football team celebrates cup win");
        good.put("summary", "The club's fans filled the streets.");
        good.put("text", "The players thanked their supporters.");

        try (KafkaConsumer<String, String> dlq = consumer("news.articles.dlq");
             KafkaConsumer<String, String> classified = consumer("news.classified")) {
            KafkaTopicWriter.send("news.articles", poisonKey, poison);
            KafkaTopicWriter.send("news.articles", goodId, mapper.writeValueAsString(good));

            ConsumerRecord<String, String> dead = awaitRecord(dlq, poisonKey);
            assertThat(dead.value()).isEqualTo(poison);
            // the connector reports the deserializer's error as the reason
            assertThat(header(dead, "dead-letter-reason")).hasValueSatisfying(reason ->
                    assertThat(reason).contains("JsonParseException").contains("Unrecognized token 'this'"));
            assertThat(header(dead, "dead-letter-topic")).contains("news.articles");

            ConsumerRecord<String, String> next = awaitRecord(classified, goodId);
            JsonNode value = mapper.readTree(next.value());
            assertThat(value.get("id").asText()).isEqualTo(goodId);
            assertThat(value.get("topics").isArray()).isTrue();
            assertThat(value.get("topics")).isEmpty();
        }

        asAdmin().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsroom_classify_failures_total{reason=\"deserialization\"}"))
                .body(containsString("newsroom_classify_articles_total"))
                .body(containsString("newsroom_classify_classification_seconds_count"));
    }

    @Test
    void articleWithoutIdGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String key = "no-id-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> dlq = consumer("news.articles.dlq")) {
            KafkaTopicWriter.send("news.articles", key, "{\"schemaVersion\":1,\"title\":\"Aid convoy\"}");

            ConsumerRecord<String, String> dead = awaitRecord(dlq, key);
            assertThat(header(dead, "dead-letter-reason")).hasValueSatisfying(reason -> assertThat(reason)
                    .startsWith("not an article: does not match the article schema v1: ")
                    .contains("required property 'id' not found"));
            JsonNode value = mapper.readTree(dead.value());
            assertThat(value.get("title").asText()).isEqualTo("Aid convoy");
        }
        asAdmin().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsroom_classify_failures_total{reason=\"invalid\"}"));
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "classify-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(TIMEOUT).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            }
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    private static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }
}
