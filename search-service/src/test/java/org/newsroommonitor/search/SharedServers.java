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
 * The one Kafka broker and Elasticsearch node of this test JVM, shared across Quarkus restarts: {@link TestServers}
 * starts them once per JVM whatever the class loader (Quarkus loads test code anew for every application start),
 * and its handles stop and start the same processes from any of them. Plus the admin helpers the tests share.
 */
public final class SharedServers {

    private SharedServers() {
    }

    /** Starts both servers once per JVM. */
    public static void ensureStarted() {
        TestServers.startAll();
    }

    public static String kafkaBootstrap() {
        return TestServers.kafka().bootstrapServers();
    }

    public static String elasticsearchHost() {
        return TestServers.elasticsearch().hostAndPort();
    }

    public static void stopElasticsearch() {
        TestServers.elasticsearch().stop();
    }

    public static void startElasticsearch() {
        TestServers.elasticsearch().start();
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
