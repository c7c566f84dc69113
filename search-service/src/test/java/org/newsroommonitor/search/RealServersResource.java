package org.newsroommonitor.search;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.newsroommonitor.localstack.TestServers;

import java.util.Map;

/** Points the service at the real Kafka broker and Elasticsearch node of the local stack (once per JVM). */
public class RealServersResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestServers.startAll();
        return Map.of(
                "kafka.bootstrap.servers", TestServers.kafka().bootstrapServers(),
                "quarkus.elasticsearch.hosts", TestServers.elasticsearch().hostAndPort());
    }

    @Override
    public void stop() {
        // the servers are shared by every test of this JVM and stopped at JVM exit
    }
}
