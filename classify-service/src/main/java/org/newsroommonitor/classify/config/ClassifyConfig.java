package org.newsroommonitor.classify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of classify-service, all under {@code newsroom.classify}; each one can be overridden by the matching
 * environment variable ({@code newsroom.classify.taxonomy-file} -> {@code NEWSROOM_CLASSIFY_TAXONOMY_FILE}).
 */
@ConfigMapping(prefix = "newsroom.classify")
public interface ClassifyConfig {

    /**
     * A taxonomy YAML file to use instead of the bundled {@code taxonomy/taxonomy.yaml} (class path). A file that
     * does not load stops the start-up; the file is then watched and reloaded when its content changes (see
     * {@link #taxonomyCheckInterval()}).
     */
    Optional<Path> taxonomyFile();

    /** How often the {@link #taxonomyFile()} is checked for a changed content (SHA-256 of its bytes). */
    @WithDefault("10s")
    Duration taxonomyCheckInterval();

    /** A gazetteer YAML file to use instead of the bundled {@code gazetteer/gazetteer.yaml}; read at start-up. */
    Optional<Path> gazetteerFile();

    /**
     * The topic ids whose articles are also published as alerts to {@code news.alerts.<topic-id>}; each needs
     * that Kafka topic (declared in deploy/k8s/base/kafka/topics.yaml). Empty: no topic alerts.
     */
    @WithDefault("humanitarian-aid,blockade,food-security,displacement,health,armed-conflict,detention,diplomacy")
    java.util.List<String> topicAlerts();

    /**
     * Articles are not classified before the saved searches of {@code news.subscriptions} are read to the end the
     * topic had at start-up (an article classified earlier would miss their alerts); after this long they are
     * classified anyway, with an error in the log.
     */
    @WithDefault("2m")
    Duration subscriptionsLoadTimeout();

    /** How many of the most recently classified articles are kept in memory for {@code POST /api/rules/test}. */
    @WithDefault("1000")
    int recentArticles();

    /** How the replicas share {@code news.articles} in the consumer group {@code classify-service}. */
    ConsumerGroup consumerGroup();

    /**
     * Fail-over of the consumer group: a replica that dies without leaving the group keeps its partitions, and
     * nobody reads them, until the broker has missed its heartbeats for {@link #sessionTimeout()}.
     */
    interface ConsumerGroup {
        /** Kafka's {@code session.timeout.ms} (Kafka's own default is 45 s); the broker allows 6 s to 300 s. */
        @WithDefault("10s")
        Duration sessionTimeout();

        /** Kafka's {@code heartbeat.interval.ms}: at most a third of the session timeout. */
        @WithDefault("3s")
        Duration heartbeatInterval();

        /**
         * Kafka's {@code group.instance.id} (static membership): a replica restarted with the same id gets its
         * partitions back at once, without a rebalance. It must be unique among the live replicas and stable
         * across restarts of one (a StatefulSet pod name, or what the local stack sets); unset: dynamic membership.
         */
        Optional<String> instanceId();
    }
}
