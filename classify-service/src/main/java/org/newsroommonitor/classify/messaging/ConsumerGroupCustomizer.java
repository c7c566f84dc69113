package org.newsroommonitor.classify.messaging;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.newsroommonitor.kafkaedges.ConsumerGroupSettings;
import org.newsroommonitor.classify.config.ClassifyConfig;

import java.util.Map;

/**
 * The fail-over settings of {@code newsroom.classify.consumer-group} (session timeout, heartbeat, static
 * membership; kafka-edges' {@link ConsumerGroupSettings}) on the consumer of the
 * {@value ArticleConsumer#CHANNEL} channel, the group {@code classify-service} on {@code news.articles}. The other
 * consumers (one group per instance, nothing committed) and the producers are left as they are.
 */
@ApplicationScoped
public class ConsumerGroupCustomizer {

    @Produces
    @Singleton
    ClientCustomizer<Map<String, Object>> consumerGroupSettings(ClassifyConfig config) {
        return new ConsumerGroupSettings(ArticleConsumer.CHANNEL, config.consumerGroup());
    }
}
