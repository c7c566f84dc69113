package org.newsroommonitor.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The fixture corpus of the API tests (src/test/resources/fixtures/articles.json, 18 classified articles with places
 * and organisations) and a test profile that gives those tests their own topic, consumer group and index, so their
 * exact counts do not depend on what other tests index.
 */
public final class FixtureCorpus {

    public static final String TOPIC = "apitest.classified";
    public static final String ALIAS = "apitest-articles";
    static final ObjectMapper JSON = new ObjectMapper();

    private FixtureCorpus() {
    }

    public static List<JsonNode> articles() {
        try (InputStream in = FixtureCorpus.class.getResourceAsStream("/fixtures/articles.json")) {
            List<JsonNode> list = new ArrayList<>();
            JSON.readTree(in).forEach(list::add);
            return list;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends every fixture to the profile's topic, keyed by id, and waits for the broker's acknowledgements. */
    public static void produce() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (JsonNode article : articles()) {
                producer.send(new ProducerRecord<>(TOPIC, article.get("id").asText(), article.toString())).get();
            }
        }
    }

    public static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Own topic (one partition), consumer group and index for the API tests. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TopicResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsroom.search.index.alias", ALIAS,
                    "newsroom.search.index.name", ALIAS + "-v1",
                    "mp.messaging.incoming.classified.topic", TOPIC,
                    "mp.messaging.incoming.classified.group.id", "search-service-apitest");
        }
    }

    /** Creates the profile's topic on the shared broker before the application starts. */
    public static class TopicResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            SharedServers.createTopic(TOPIC, 1, Map.of());
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }
}
