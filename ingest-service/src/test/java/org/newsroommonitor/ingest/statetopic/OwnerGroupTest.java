package org.newsroommonitor.ingest.statetopic;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.IngestTestResource;
import org.newsroommonitor.ingest.config.IngestConfig;
import org.newsroommonitor.kafkaedges.ConsumerGroupConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feed-owner group's fail-over settings: the service's defaults, and what reaches the Kafka consumer. */
@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = false)
class OwnerGroupTest {

    @Inject
    IngestConfig config;

    @Test
    void theServiceJoinsWithATenSecondSessionAndDynamicMembershipByDefault() {
        OwnerGroup owners = OwnerGroup.of(config.state());

        assertThat(owners.consumerSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "group.id", "ingest-service-feed-owners",
                "session.timeout.ms", "10000",
                "heartbeat.interval.ms", "3000"));
    }

    @Test
    void anInstanceIdMakesAStaticMember() {
        OwnerGroup owners = new OwnerGroup("owners",
                ConsumerGroupConfig.of(Duration.ofSeconds(12), Duration.ofSeconds(4), Optional.of(" ingest-service-1 ")));

        assertThat(owners.consumerSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "group.id", "owners",
                "group.instance.id", "ingest-service-1",
                "session.timeout.ms", "12000",
                "heartbeat.interval.ms", "4000"));
    }

    @Test
    void aBlankInstanceIdIsDynamicMembership() {
        OwnerGroup owners = new OwnerGroup("owners",
                ConsumerGroupConfig.of(Duration.ofSeconds(10), Duration.ofSeconds(3), Optional.of("  ")));

        assertThat(owners.consumerSettings()).doesNotContainKey("group.instance.id");
    }

    @Test
    void aHeartbeatNotShorterThanTheSessionIsRefused() {
        OwnerGroup owners = new OwnerGroup("owners",
                ConsumerGroupConfig.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Optional.empty()));

        assertThatThrownBy(owners::consumerSettings)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heartbeat interval PT5S must be shorter than its session timeout PT5S");
    }
}
