package org.newsroommonitor.kafkaedges;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fail-over settings go to the consumer of the one channel, and to nothing else. */
class ConsumerGroupSettingsTest {

    private static ConsumerGroupConfig group(Duration sessionTimeout, Duration heartbeatInterval,
            Optional<String> instanceId) {
        return ConsumerGroupConfig.of(sessionTimeout, heartbeatInterval, instanceId);
    }

    private static final Map<String, Object> CONSUMER = Map.of("group.id", "classify-service",
            "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");

    @Test
    void theChannelsConsumerGetsSessionTimeoutHeartbeatAndItsStaticId() {
        ConsumerGroupSettings settings = new ConsumerGroupSettings("articles",
                group(Duration.ofSeconds(10), Duration.ofSeconds(3), Optional.of("classify-service-0")));

        Map<String, Object> config = settings.customize("articles", null, CONSUMER);

        assertThat(config).containsEntry("session.timeout.ms", "10000").containsEntry("heartbeat.interval.ms", "3000")
                .containsEntry("group.instance.id", "classify-service-0").containsEntry("group.id", "classify-service");
    }

    @Test
    void withoutAnInstanceIdMembershipStaysDynamic() {
        ConsumerGroupSettings settings = new ConsumerGroupSettings("articles",
                group(Duration.ofSeconds(8), Duration.ofSeconds(2), Optional.of(" ")));

        Map<String, Object> config = settings.customize("articles", null, CONSUMER);

        assertThat(config).containsEntry("session.timeout.ms", "8000").containsEntry("heartbeat.interval.ms", "2000")
                .doesNotContainKey("group.instance.id");
    }

    @Test
    void otherChannelsAndProducersAreLeftAlone() {
        ConsumerGroupSettings settings = new ConsumerGroupSettings("articles",
                group(Duration.ofSeconds(10), Duration.ofSeconds(3), Optional.of("x")));
        Map<String, Object> producer = Map.of("group.id", "classify-service",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer");

        assertThat(settings.customize("subscriptions", null, CONSUMER)).isSameAs(CONSUMER);
        assertThat(settings.customize("articles", null, producer)).isSameAs(producer);
    }

    @Test
    void aConsumerMadeByHandGetsTheSameProperties() {
        assertThat(ConsumerGroupSettings.properties(
                group(Duration.ofSeconds(12), Duration.ofSeconds(4), Optional.of("ingest-service-1"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("session.timeout.ms", "12000",
                        "heartbeat.interval.ms", "4000", "group.instance.id", "ingest-service-1"));
    }

    @Test
    void anInstanceIdIsStrippedOfSpaces() {
        assertThat(ConsumerGroupSettings.properties(
                group(Duration.ofSeconds(10), Duration.ofSeconds(3), Optional.of(" ingest-service-1 "))))
                .containsEntry("group.instance.id", "ingest-service-1");
    }

    @Test
    void aHeartbeatNotShorterThanTheSessionIsRefused() {
        assertThatThrownBy(() -> ConsumerGroupSettings.properties(
                group(Duration.ofSeconds(5), Duration.ofSeconds(5), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a consumer group's heartbeat interval PT5S must be shorter than its session timeout PT5S");
    }
}
