package org.newsroommonitor.search;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.newsroommonitor.localstack.TestServers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The one Kafka broker and Elasticsearch node of this test JVM, shared across Quarkus restarts.
 *
 * <p>{@link TestServers} keeps its servers in static fields, but Quarkus loads test resources and test classes in a
 * new class loader for every application start (each {@code @TestProfile}), so a second profile calling
 * TestServers would start a second broker and node (and, started from a later class loader, the broker's
 * readiness probe does not see it come up). So the first start publishes the endpoints as system properties, and
 * Elasticsearch's stop/start as {@link Runnable}s in the system properties (a JDK type every class loader shares;
 * SmallRye Config reads system properties with {@code String.valueOf}, so a non-string value is harmless).
 */
public final class SharedServers {

    static final String KAFKA = "newsroom.test.kafka.bootstrap";
    static final String ELASTICSEARCH = "newsroom.test.elasticsearch.host";
    static final String ES_STOP = "newsroom.test.elasticsearch.stop";
    static final String ES_START = "newsroom.test.elasticsearch.start";

    private SharedServers() {
    }

    /** Starts both servers once per JVM (whatever the class loader) and publishes them. */
    public static void ensureStarted() {
        synchronized (System.getProperties()) {
            if (System.getProperty(KAFKA) != null) {
                return;
            }
            TestServers.startAll();
            System.getProperties().put(ES_STOP, (Runnable) () -> TestServers.elasticsearch().stop());
            System.getProperties().put(ES_START, (Runnable) () -> TestServers.elasticsearch().start());
            System.setProperty(ELASTICSEARCH, TestServers.elasticsearch().hostAndPort());
            System.setProperty(KAFKA, TestServers.kafka().bootstrapServers());
        }
    }

    public static String kafkaBootstrap() {
        ensureStarted();
        return System.getProperty(KAFKA);
    }

    public static String elasticsearchHost() {
        ensureStarted();
        return System.getProperty(ELASTICSEARCH);
    }

    public static void stopElasticsearch() {
        ensureStarted();
        ((Runnable) System.getProperties().get(ES_STOP)).run();
    }

    public static void startElasticsearch() {
        ensureStarted();
        ((Runnable) System.getProperties().get(ES_START)).run();
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"));
    }

    /** Creates a topic unless it exists. */
    public static void createTopic(String name, int partitions, Map<String, String> config) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(config))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }
}
