package org.newsroommonitor.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real servers come up, answer, and hold data; the declared topics exist with their partitions. */
class RealServersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        TestServers.startAll();
    }

    @Test
    void kafkaHasTheDeclaredTopicsAndRoundTripsARecord() throws Exception {
        KafkaBroker broker = TestServers.kafka();
        try (var admin = broker.admin()) {
            var description = admin.describeTopics(List.of("news.articles")).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(description.get("news.articles").partitions()).hasSize(6);
        }
        String topic = "roundtrip-" + UUID.randomUUID();
        broker.createTopic(topic, 1);
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k1", "aid convoy")).get(10, TimeUnit.SECONDS);
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "roundtrip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            assertThat(received.getFirst().key()).isEqualTo("k1");
            assertThat(received.getFirst().value()).isEqualTo("aid convoy");
        }
    }

    /** Quarkus loads test code anew per application start; a second copy of TestServers must not start more servers. */
    @Test
    void anotherClassLoaderAttachesToTheSameServers() throws Exception {
        java.net.URL[] classpath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> {
                    try {
                        return java.nio.file.Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(java.net.URL[]::new);
        try (var isolated = new java.net.URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            Class<?> other = isolated.loadClass(TestServers.class.getName());
            assertThat(other).isNotSameAs(TestServers.class);
            Object broker = other.getMethod("kafka").invoke(null);
            Object node = other.getMethod("elasticsearch").invoke(null);
            assertThat(broker.getClass().getMethod("bootstrapServers").invoke(broker))
                    .isEqualTo(TestServers.kafka().bootstrapServers());
            assertThat(node.getClass().getMethod("hostAndPort").invoke(node))
                    .isEqualTo(TestServers.elasticsearch().hostAndPort());
            assertThat((Boolean) node.getClass().getMethod("isHealthy").invoke(node)).isTrue();
        }
    }

    @Test
    void elasticsearchIndexesAndFindsADocument() throws Exception {
        URI es = TestServers.elasticsearch().httpUri();
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(es.resolve("/probe/_doc/1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Lachin corridor blockade\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);
        HttpResponse<String> search = HTTP.send(HttpRequest.newBuilder(es.resolve("/probe/_search?q=title:lachin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(search.body()).contains("\"value\":1").contains("Lachin corridor blockade");
    }
}
