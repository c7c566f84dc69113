package org.newsroommonitor.kafkaedges;

import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Fail-over of a consumer group, a config group every service nests in its own {@code @ConfigMapping} (for example
 * {@code newsroom.classify.consumer-group.*}): a replica that dies without leaving the group keeps its partitions,
 * and nobody reads them, until the broker has missed its heartbeats for {@link #sessionTimeout()}.
 */
public interface ConsumerGroupConfig {

    /** Kafka's {@code session.timeout.ms} (Kafka's own default is 45 s); the broker allows 6 s to 300 s. */
    @WithDefault("10s")
    Duration sessionTimeout();

    /** Kafka's {@code heartbeat.interval.ms}: at most a third of the session timeout. */
    @WithDefault("3s")
    Duration heartbeatInterval();

    /**
     * Kafka's {@code group.instance.id} (static membership): a replica restarted with the same id gets its
     * partitions back at once, without a rebalance. It must be unique among the live replicas and stable across
     * restarts of one (a StatefulSet pod name, or what the local stack sets); unset: dynamic membership.
     */
    Optional<String> instanceId();

    /** Fixed values, for a consumer configured in code (tests, tools) rather than by a service's configuration. */
    static ConsumerGroupConfig of(Duration sessionTimeout, Duration heartbeatInterval, Optional<String> instanceId) {
        return new Values(sessionTimeout, heartbeatInterval, instanceId);
    }

    /** The values of {@link #of}. */
    record Values(Duration sessionTimeout, Duration heartbeatInterval, Optional<String> instanceId)
            implements ConsumerGroupConfig {
    }
}
