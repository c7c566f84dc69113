package org.newsroommonitor.search;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.newsroommonitor.localstack.TestServers;
import org.newsroommonitor.search.alert.AlertBroadcaster;
import org.newsroommonitor.search.messaging.ClassifiedArticleConsumer;
import org.newsroommonitor.search.messaging.DeadLetterPublisher;
import org.newsroommonitor.search.subscription.SubscriptionConsumer;
import org.newsroommonitor.search.subscription.SubscriptionPublisher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service with every channel on SmallRye's in-memory connector and no Kafka broker: the test sends to the
 * incoming channels ({@code connector.source(ClassifiedArticleConsumer.CHANNEL)}) and reads what the service wrote
 * to the outgoing ones ({@code connector.sink(DeadLetterPublisher.CHANNEL)}). Indexing still needs Elasticsearch:
 * the real node of the other tests, with an index of this profile's own so that their exact counts stay exact.
 */
public class InMemoryChannels implements QuarkusTestProfile {

    public static final String ALIAS = "in-memory-channels";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (String channel : List.of(ClassifiedArticleConsumer.CHANNEL, SubscriptionConsumer.CHANNEL,
                AlertBroadcaster.CHANNEL)) {
            config.put("mp.messaging.incoming." + channel + ".connector", InMemoryConnector.CONNECTOR);
        }
        for (String channel : List.of(DeadLetterPublisher.CHANNEL, SubscriptionPublisher.CHANNEL)) {
            config.put("mp.messaging.outgoing." + channel + ".connector", InMemoryConnector.CONNECTOR);
        }
        // no broker: no admin-client readiness check either
        config.put("quarkus.kafka.health.enabled", "false");
        config.put("newsroom.search.index.alias", ALIAS);
        config.put("newsroom.search.index.name", ALIAS + "-v1");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ElasticsearchOnly.class));
    }

    /** RealServersResource (broker and Elasticsearch) is global for the module's other tests; these need no broker. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    /** Points the service at the real Elasticsearch node of the test JVM, and starts no broker. */
    public static class ElasticsearchOnly implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("quarkus.elasticsearch.hosts", TestServers.elasticsearch().hostAndPort());
        }

        @Override
        public void stop() {
            // the node is shared by every test of this JVM and stopped at JVM exit
        }
    }
}
