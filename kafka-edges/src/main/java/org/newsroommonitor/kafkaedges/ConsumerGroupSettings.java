package org.newsroommonitor.kafkaedges;

import io.smallrye.reactive.messaging.ClientCustomizer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts the settings of a {@link ConsumerGroupConfig} on the Kafka consumer of one SmallRye channel: session timeout
 * and heartbeat, and the static member id when one is configured. Other channels, consumers without a group and
 * producers are left as they are. A service declares it as a {@code ClientCustomizer} bean for its channel;
 * {@link #properties} gives the same settings to a consumer the service creates itself.
 */
public final class ConsumerGroupSettings implements ClientCustomizer<Map<String, Object>> {

    private final String channel;
    private final ConsumerGroupConfig group;

    public ConsumerGroupSettings(String channel, ConsumerGroupConfig group) {
        this.channel = channel;
        this.group = group;
    }

    /**
     * The consumer properties of {@code group}: session timeout, heartbeat and, when set, the instance id.
     *
     * @throws IllegalArgumentException when the heartbeat interval is not shorter than the session timeout
     */
    public static Map<String, Object> properties(ConsumerGroupConfig group) {
        if (group.heartbeatInterval().compareTo(group.sessionTimeout()) >= 0) {
            throw new IllegalArgumentException("a consumer group's heartbeat interval " + group.heartbeatInterval()
                    + " must be shorter than its session timeout " + group.sessionTimeout());
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(group.sessionTimeout().toMillis()));
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                Long.toString(group.heartbeatInterval().toMillis()));
        group.instanceId().filter(id -> !id.isBlank())
                .ifPresent(id -> properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id.strip()));
        return properties;
    }

    @Override
    public Map<String, Object> customize(String channelName, Config channelConfig, Map<String, Object> config) {
        if (!channel.equals(channelName) || !config.containsKey(ConsumerConfig.GROUP_ID_CONFIG)
                || config.containsKey(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)) {
            return config;
        }
        Map<String, Object> customized = new HashMap<>(config);
        customized.putAll(properties(group));
        return customized;
    }
}
