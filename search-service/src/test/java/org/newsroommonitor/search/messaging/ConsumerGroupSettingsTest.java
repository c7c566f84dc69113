package org.newsroommonitor.search.messaging;

import org.junit.jupiter.api.Test;
import org.newsroommonitor.search.config.SearchConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The fail-over settings go to the consumer of news.classified, and to nothing else. */
class ConsumerGroupSettingsTest {

    private record Group(Duration sessionTimeout, Duration heartbeatInterval, Optional<String> instanceId)
            implements SearchConfig.ConsumerGroup {
    }

    private static final Map<String, Object> CONSUMER = Map.of("group.id", "search-service",
            "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");

    @Test
    void theArticlesConsumerGetsSessionTimeoutHeartbeatAndItsStaticId() {
        ConsumerGroupSettings settings = new ConsumerGroupSettings("classified",
                new Group(Duration.ofSeconds(10), Duration.ofSeconds(3), Optional.of("search-service-0")));

        Map<String, Object> config = settings.customize("classified", null, CONSUMER);

        assertThat(config).containsEntry("session.timeout.ms", "10000").containsEntry("heartbeat.interval.ms", "3000")
                .containsEntry("group.instance.id", "search-service-0").containsEntry("group.id", "search-service");
    }

    @Test
    void withoutAnInstanceIdMembershipStaysDynamic() {
        ConsumerGroupSettings settings = new ConsumerGroupSettings("classified",
                new Group(Duration.ofSeconds(8), Duration.ofSeconds(2), Optional.empty()));

        Map<String, Object> config = settings.customize("classified", null, CONSUMER);

        assertThat(config).containsEntry("session.timeout.ms", "8000").doesNotContainKey("group.instance.id");
    }

    @Test
    void otherChannelsAndProducersAreLeftAlone() {
        ConsumerGroupSettings settings = new ConsumerGroupSettings("classified",
                new Group(Duration.ofSeconds(10), Duration.ofSeconds(3), Optional.of("x")));
        Map<String, Object> producer = Map.of("group.id", "search-service",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer");

        assertThat(settings.customize("subscriptions", null, CONSUMER)).isSameAs(CONSUMER);
        assertThat(settings.customize("classified", null, producer)).isSameAs(producer);
    }
}
