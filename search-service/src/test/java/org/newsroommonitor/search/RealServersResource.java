package org.newsroommonitor.search;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points the service at the real Kafka broker and Elasticsearch node of the local stack (once per JVM, shared by
 * every Quarkus start: see {@link SharedServers}), and creates the topics search-service uses that the local-stack
 * jar's copy of topics.yaml may not declare yet.
 */
public class RealServersResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SharedServers.ensureStarted();
        SharedServers.createTopic("news.subscriptions", 1, Map.of("cleanup.policy", "compact"));
        SharedServers.createTopic("news.alerts", 3, Map.of());
        return Map.of(
                "kafka.bootstrap.servers", SharedServers.kafkaBootstrap(),
                "quarkus.elasticsearch.hosts", SharedServers.elasticsearchHost());
    }

    @Override
    public void stop() {
        // the servers are shared by every test of this JVM and stopped at JVM exit
    }
}
