package org.newsroommonitor.search.messaging;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;
import org.newsroommonitor.search.config.SearchConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Sets the fail-over settings of {@code newsroom.search.consumer-group} on the Kafka consumer of the
 * {@value ClassifiedArticleConsumer#CHANNEL} channel (group {@code search-service}): session timeout and
 * heartbeat, and the static member id when one is configured. The other consumers (one group per instance,
 * nothing committed) and the producers are left as they are.
 */
@ApplicationScoped
public class ConsumerGroupSettings implements ClientCustomizer<Map<String, Object>> {

    private final String channel;
    private final SearchConfig.ConsumerGroup group;

    @Inject
    public ConsumerGroupSettings(SearchConfig config) {
        this(ClassifiedArticleConsumer.CHANNEL, config.consumerGroup());
    }

    ConsumerGroupSettings(String channel, SearchConfig.ConsumerGroup group) {
        this.channel = channel;
        this.group = group;
    }

    @Override
    public Map<String, Object> customize(String channelName, Config channelConfig, Map<String, Object> config) {
        if (!channel.equals(channelName) || !config.containsKey(ConsumerConfig.GROUP_ID_CONFIG)
                || config.containsKey(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)) {
            return config;
        }
        Map<String, Object> customized = new HashMap<>(config);
        customized.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(group.sessionTimeout().toMillis()));
        customized.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                Long.toString(group.heartbeatInterval().toMillis()));
        group.instanceId().filter(id -> !id.isBlank())
                .ifPresent(id -> customized.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        return customized;
    }
}
