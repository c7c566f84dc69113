package org.newsroommonitor.classify;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.newsroommonitor.localstack.TestServers;

import java.util.Map;

/** Points the service at the real Kafka broker of the local stack (started once per JVM, on free ports). */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestServers.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker is shared by every test of the JVM and stopped at JVM exit
    }
}
