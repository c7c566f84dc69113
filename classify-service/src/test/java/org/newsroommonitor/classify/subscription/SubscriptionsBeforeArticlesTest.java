package org.newsroommonitor.classify.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.localstack.TestServers;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * A restart with many saved searches in news.subscriptions and articles already waiting in news.articles: the
 * articles are classified only once every saved search is in force, so the article that matches the LAST saved
 * search of the topic still alerts it. Both topics are filled before the service starts (own topics for this test,
 * on the real broker).
 */
@QuarkusTest
@TestProfile(SubscriptionsBeforeArticlesTest.Restart.class)
class SubscriptionsBeforeArticlesTest {

    static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static final String SUBSCRIPTIONS = "test.subscriptions." + RUN;
    static final String ARTICLES = "test.articles." + RUN;
    static final int SAVED_SEARCHES = 10_000;
    static final String LAST = "saved-" + (SAVED_SEARCHES - 1);
    static final String ARTICLE = "article-" + RUN;

    @Test
    void articlesWaitUntilEverySavedSearchIsInForce() {
        try (KafkaConsumer<String, String> alerts = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = alerts.partitionsFor("news.alerts", Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition("news.alerts", info.partition())).toList();
            alerts.assign(partitions);
            alerts.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> ours = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                alerts.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() != null && record.value().contains(ARTICLE)) {
                        ours.add(record);
                    }
                });
                return !ours.isEmpty();
            });
            assertThat(ours).extracting(ConsumerRecord::key).containsExactly(LAST);
        }
        asAdmin().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'subscriptions' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'subscriptions' }.data.state", equalTo("LOADED"))
                .body("checks.find { it.name == 'subscriptions' }.data.savedSearches", equalTo(SAVED_SEARCHES))
                .body("checks.find { it.name == 'subscriptions' }.data.recordsRead", greaterThanOrEqualTo(SAVED_SEARCHES));
    }

    /** Own topics, filled before the service starts. */
    public static class Restart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.subscriptions.topic", SUBSCRIPTIONS,
                    "mp.messaging.incoming.articles.topic", ARTICLES,
                    "mp.messaging.incoming.articles.group.id", "classify-service-" + RUN);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FilledTopics.class));
        }
    }

    /** Writes the saved searches (the last one matches the article) and the article, then starts the service. */
    public static class FilledTopics implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String bootstrap = TestServers.kafka().bootstrapServers();
            TestServers.kafka().createTopic(SUBSCRIPTIONS, 3);
            TestServers.kafka().createTopic(ARTICLES, 1);
            ObjectMapper mapper = Messages.mapper();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < SAVED_SEARCHES; i++) {
                    String id = "saved-" + i;
                    // every search but the last needs a word the article lacks
                    String query = i == SAVED_SEARCHES - 1 ? "convoy " + RUN : "convoy w" + i + "x" + RUN;
                    producer.send(new ProducerRecord<>(SUBSCRIPTIONS, id, DocsExamples.subscription(id, query)));
                }
                ObjectNode article = (ObjectNode) mapper.readTree(DocsExamples.text(MessageType.ARTICLE));
                article.put("id", ARTICLE);
                article.put("url", "https://example.org/" + ARTICLE);
                article.put("title", "Aid convoy reaches Stepanakert");
                article.put("summary", "Reported by " + RUN + ".");
                article.put("text", "");
                producer.send(new ProducerRecord<>(ARTICLES, ARTICLE, mapper.writeValueAsString(article)))
                        .get(30, TimeUnit.SECONDS);
                producer.flush();
            } catch (Exception e) {
                throw new IllegalStateException("cannot fill the test topics", e);
            }
            return Map.of("kafka.bootstrap.servers", bootstrap);
        }

        @Override
        public void stop() {
            // the broker is shared by every test of the JVM
        }
    }
}
