package org.newsroommonitor.search.messaging;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.newsroommonitor.kafkaedges.ConsumerGroupSettings;
import org.newsroommonitor.search.config.SearchConfig;

import java.util.Map;

/**
 * The fail-over settings of {@code newsroom.search.consumer-group} (session timeout, heartbeat, static
 * membership; kafka-edges' {@link ConsumerGroupSettings}) on the consumer of the
 * {@value ClassifiedArticleConsumer#CHANNEL} channel, the group {@code search-service} on {@code news.classified}. The other
 * consumers (one group per instance, nothing committed) and the producers are left as they are.
 */
@ApplicationScoped
public class ConsumerGroupCustomizer {

    @Produces
    @Singleton
    ClientCustomizer<Map<String, Object>> consumerGroupSettings(SearchConfig config) {
        return new ConsumerGroupSettings(ClassifiedArticleConsumer.CHANNEL, config.consumerGroup());
    }
}
