package org.newsroommonitor.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.localstack.TestServers;

import java.util.List;
import java.util.Map;

/**
 * Wires the real Kafka broker of the local stack and a fixture feed server into the service under test: the
 * service polls one feed that works and one that answers 404.
 */
public class IngestTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrapServers = TestServers.kafka().bootstrapServers();
        createStateTopic(STATE_TOPIC, 6);
        FixtureFeedServer.start();
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                // the fixture server is on 127.0.0.1 like Kafka: open exactly its port, not Kafka's
                "newsroom.ingest.allowed-hosts", "127.0.0.1:" + FixtureFeedServer.port(),
                "newsroom.ingest.feeds", FixtureFeedServer.url(FixtureFeedServer.MISSING_PATH) + ","
                        + FixtureFeedServer.url(FixtureFeedServer.FEED_PATH));
    }

    public static final String STATE_TOPIC = IngestConfig.State.DEFAULT_TOPIC;

    /** Creates a compacted state topic as {@code deploy/k8s/base/kafka/topics.yaml} declares one, unless it exists. */
    public static void createStateTopic(String name, int partitions) {
        try (Admin admin = TestServers.kafka().admin()) {
            if (!admin.listTopics().names().get().contains(name)) {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact")))).all().get();
            }
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + name, e);
            }
        }
    }

    @Override
    public void stop() {
        FixtureFeedServer.stop();
    }
}
