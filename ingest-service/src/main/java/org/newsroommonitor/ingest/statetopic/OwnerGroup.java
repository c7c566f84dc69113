package org.newsroommonitor.ingest.statetopic;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.newsroommonitor.ingest.config.IngestConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a replica takes part in the feed-owner group on the state topic: the group, Kafka's session timeout and
 * heartbeat (how soon a dead replica's feeds move), and the static member id, when one is configured, with which a
 * restarted replica gets its partitions back at once instead of after a rebalance.
 *
 * @param instanceId Kafka's {@code group.instance.id}; empty or blank: dynamic membership
 */
public record OwnerGroup(String group, Optional<String> instanceId, Duration sessionTimeout,
                         Duration heartbeatInterval) {

    public OwnerGroup {
        instanceId = instanceId.map(String::strip).filter(id -> !id.isEmpty());
        if (heartbeatInterval.compareTo(sessionTimeout) >= 0) {
            throw new IllegalArgumentException("the owner group's heartbeat interval " + heartbeatInterval
                    + " must be shorter than its session timeout " + sessionTimeout);
        }
    }

    /** The group as {@code newsroom.ingest.state.owner-*} configure it. */
    public static OwnerGroup of(IngestConfig.State state) {
        return new OwnerGroup(state.ownerGroup(), state.ownerInstanceId(), state.ownerSessionTimeout(),
                state.ownerHeartbeatInterval());
    }

    /** The consumer settings of the group's membership (group id, session, heartbeat, static member id). */
    Map<String, Object> consumerSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(sessionTimeout.toMillis()));
        settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(heartbeatInterval.toMillis()));
        instanceId.ifPresent(id -> settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        return settings;
    }
}
