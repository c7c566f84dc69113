package org.newsroommonitor.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.newsroommonitor.localstack.TestServers;

import java.util.Map;

/**
 * Wires the real Kafka broker of the local stack and a fixture feed server into the service under test: the
 * service polls one feed that works and one that answers 404.
 */
public class IngestTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrapServers = TestServers.kafka().bootstrapServers();
        FixtureFeedServer.start();
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                // the fixture server is on 127.0.0.1 like Kafka: open exactly its port, not Kafka's
                "newsroom.ingest.allowed-hosts", "127.0.0.1:" + FixtureFeedServer.port(),
                "newsroom.ingest.feeds", FixtureFeedServer.url(FixtureFeedServer.MISSING_PATH) + ","
                        + FixtureFeedServer.url(FixtureFeedServer.FEED_PATH));
    }

    @Override
    public void stop() {
        FixtureFeedServer.stop();
    }
}
