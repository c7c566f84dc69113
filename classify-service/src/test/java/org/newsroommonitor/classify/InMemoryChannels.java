package org.newsroommonitor.classify;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.newsroommonitor.classify.alert.AlertPublisher;
import org.newsroommonitor.classify.messaging.ArticleConsumer;
import org.newsroommonitor.classify.subscription.SubscriptionConsumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service with every channel on SmallRye's in-memory connector and no broker: the test sends to the incoming
 * channels ({@code connector.source(ArticleConsumer.CHANNEL)}) and reads what the service wrote to the outgoing ones
 * ({@code connector.sink(AlertPublisher.CHANNEL)}). The Kafka broker of the other tests is not started for it, and
 * {@link AlertsGate} lets a test hold back or refuse what the alerts channel accepts.
 */
public class InMemoryChannels implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (String channel : List.of(ArticleConsumer.CHANNEL, SubscriptionConsumer.CHANNEL)) {
            config.put("mp.messaging.incoming." + channel + ".connector", InMemoryConnector.CONNECTOR);
        }
        for (String channel : List.of(ArticleConsumer.OUTGOING_CHANNEL, AlertPublisher.CHANNEL)) {
            config.put("mp.messaging.outgoing." + channel + ".connector", InMemoryConnector.CONNECTOR);
        }
        // no broker: no admin-client readiness check either
        config.put("quarkus.kafka.health.enabled", "false");
        return config;
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(AlertsGate.class);
    }

    /** KafkaTestResource (the real broker) is global for the module's other tests; these need none. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
