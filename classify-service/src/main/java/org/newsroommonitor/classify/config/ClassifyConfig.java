package org.newsroommonitor.classify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.newsroommonitor.kafkaedges.ConsumerGroupConfig;

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
    ConsumerGroupConfig consumerGroup();

}
