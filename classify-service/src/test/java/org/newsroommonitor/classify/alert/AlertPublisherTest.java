package org.newsroommonitor.classify.alert;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.config.ClassifyConfig;
import org.newsroommonitor.classify.metrics.ClassifyMetrics;
import org.newsroommonitor.messages.Alert;
import org.newsroommonitor.kafkaedges.ConsumerGroupConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AlertPublisher#publish}: its result tells whether the broker accepted every alert of an article. */
class AlertPublisherTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CapturingEmitter emitter = new CapturingEmitter();
    private final AlertPublisher publisher = new AlertPublisher(emitter, new ClassifyMetrics(registry), config());

    private final List<AlertPublisher.Outgoing> alerts = List.of(
            new AlertPublisher.Outgoing(null, "s1", alert("s1")),
            new AlertPublisher.Outgoing("news.alerts.blockade", "a1", alert("topic:blockade")));

    @Test
    void completesOnlyWhenTheBrokerAcceptedEveryAlert() {
        CompletableFuture<Void> sent = publisher.publish(alerts);

        assertThat(emitter.sent).hasSize(2);
        assertThat(emitter.sent.get(0).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey())
                .isEqualTo("s1");
        assertThat(emitter.sent.get(1).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getTopic())
                .isEqualTo("news.alerts.blockade");
        emitter.sent.get(0).ack();
        assertThat(sent).isNotDone();
        emitter.sent.get(1).ack();
        assertThat(sent).isCompleted();
        assertThat(registry.get("newsroom.classify.alerts").tag("kind", "subscription").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("newsroom.classify.alerts").tag("kind", "topic").counter().count()).isEqualTo(1.0);
    }

    @Test
    void failsWhenTheBrokerRefusedAnAlert() {
        CompletableFuture<Void> sent = publisher.publish(alerts);

        emitter.sent.get(0).nack(new IllegalStateException("delivery timeout"));
        emitter.sent.get(1).ack();

        assertThat(sent).isCompletedExceptionally();
        assertThat(sent.handle((v, e) -> e.getCause()).join())
                .isInstanceOf(AlertsNotPublishedException.class)
                .hasMessage("alerts of article a1 not published: delivery timeout");
        assertThat(registry.get("newsroom.classify.alert.failures").counter().count()).isEqualTo(1.0);
    }

    @Test
    void failsWhenTheEmitterRefusesToSend() {
        emitter.refuse = true;

        CompletableFuture<Void> sent = publisher.publish(alerts.subList(0, 1));

        assertThat(sent).isCompletedExceptionally();
        assertThat(registry.get("newsroom.classify.alert.failures").counter().count()).isEqualTo(1.0);
    }

    @Test
    void noAlertsIsDoneAtOnce() {
        assertThat(publisher.publish(List.of())).isCompleted();
    }

    private static Alert alert(String subscriptionId) {
        return Alert.of(subscriptionId, "Lachin", "a1", "Aid convoy stopped", "https://example.org/a1",
                List.of("convoy"), Instant.parse("2023-09-12T14:07:32Z"));
    }

    private static ClassifyConfig config() {
        return new ClassifyConfig() {
            @Override
            public Optional<Path> taxonomyFile() {
                return Optional.empty();
            }

            @Override
            public Duration taxonomyCheckInterval() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Optional<Path> gazetteerFile() {
                return Optional.empty();
            }

            @Override
            public List<String> topicAlerts() {
                return List.of("blockade");
            }

            @Override
            public Duration subscriptionsLoadTimeout() {
                return Duration.ofMinutes(2);
            }

            @Override
            public int recentArticles() {
                return 10;
            }

            @Override
            public ConsumerGroupConfig consumerGroup() {
                throw new UnsupportedOperationException("the alert publisher does not consume");
            }
        };
    }

    /** Keeps the messages sent; the test acknowledges them as the broker would. */
    private static final class CapturingEmitter implements Emitter<Alert> {
        final List<Message<? extends Alert>> sent = new ArrayList<>();
        boolean refuse;

        @Override
        public CompletionStage<Void> send(Alert payload) {
            throw new UnsupportedOperationException("AlertPublisher sends messages");
        }

        @Override
        public <M extends Message<? extends Alert>> void send(M message) {
            if (refuse) {
                throw new IllegalStateException("emitter buffer full");
            }
            sent.add(message);
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
