package org.newsroommonitor.ingest.statetopic;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.kafkaedges.ConsumerGroupConfig;
import org.newsroommonitor.kafkaedges.ConsumerGroupSettings;

import java.util.HashMap;
import java.util.Map;

/**
 * How a replica takes part in the feed-owner group on the state topic: the group, and its membership (kafka-edges'
 * {@link ConsumerGroupConfig}): Kafka's session timeout and heartbeat (how soon a dead replica's feeds move), and the
 * static member id, when one is configured, with which a restarted replica gets its partitions back at once instead
 * of after a rebalance.
 */
public record OwnerGroup(String group, ConsumerGroupConfig membership) {

    /** The group as {@code newsroom.ingest.state.owner-group} and {@code newsroom.ingest.state.owner.*} set it. */
    public static OwnerGroup of(IngestConfig.State state) {
        return new OwnerGroup(state.ownerGroup(), state.owner());
    }

    /**
     * The consumer settings of the group's membership (group id, session, heartbeat, static member id).
     *
     * @throws IllegalArgumentException when the heartbeat interval is not shorter than the session timeout
     */
    Map<String, Object> consumerSettings() {
        Map<String, Object> settings = new HashMap<>(ConsumerGroupSettings.properties(membership));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        return settings;
    }
}
