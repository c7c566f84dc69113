package org.newsroommonitor.classify.alert;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.newsroommonitor.classify.config.ClassifyConfig;
import org.newsroommonitor.classify.metrics.ClassifyMetrics;
import org.newsroommonitor.classify.subscription.SubscriptionMatch;
import org.newsroommonitor.classify.taxonomy.Taxonomy;
import org.newsroommonitor.classify.taxonomy.TopicDefinition;
import org.newsroommonitor.messages.Alert;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.KafkaTopics;
import org.newsroommonitor.messages.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes the alerts of a classified article on the one outgoing channel {@value #CHANNEL} (acks=all,
 * idempotent): one per matched saved search to {@code news.alerts}, keyed by subscription id, and one per topic
 * of the article to {@code news.alerts.<topic-id>} (the record's topic is set per message), keyed by article id.
 * Topic alerts only go to the topics listed in {@code newsroom.classify.topic-alerts} (those have a Kafka topic;
 * the broker does not create topics on demand).
 */
@ApplicationScoped
public class AlertPublisher {

    /** Outgoing channel, bound to topic {@code news.alerts}. */
    public static final String CHANNEL = "alerts";

    private final Emitter<Alert> emitter;
    private final ClassifyMetrics metrics;
    private final Set<String> alertTopics;

    public AlertPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
                          Emitter<Alert> emitter, ClassifyMetrics metrics, ClassifyConfig config) {
        this.emitter = emitter;
        this.metrics = metrics;
        this.alertTopics = Set.copyOf(config.topicAlerts());
    }

    /** The alerts of an article, subscription alerts first (by subscription id), then topic alerts. */
    public List<Outgoing> alerts(ClassifiedArticle article, List<SubscriptionMatch> matches, Taxonomy taxonomy) {
        return alerts(article, matches, taxonomy, alertTopics);
    }

    /**
     * The alerts of an article, subscription alerts first (by subscription id), then topic alerts for the topics
     * in {@code alertTopics}.
     */
    public static List<Outgoing> alerts(ClassifiedArticle article, List<SubscriptionMatch> matches, Taxonomy taxonomy,
                                        Set<String> alertTopics) {
        List<Outgoing> alerts = new ArrayList<>();
        for (SubscriptionMatch match : matches) {
            alerts.add(new Outgoing(null, match.subscription().id(), Alert.of(match.subscription().id(),
                    match.subscription().name(), article.id(), article.article().title(), article.article().url(),
                    match.matched(), article.classification().classifiedAt())));
        }
        for (Topic topic : article.classification().topics()) {
            if (!alertTopics.contains(topic.id())) {
                continue;
            }
            String label = taxonomy.topic(topic.id()).map(TopicDefinition::label).orElse(topic.id());
            alerts.add(new Outgoing(KafkaTopics.TOPIC_ALERTS_PREFIX + topic.id(), article.id(), Alert.of(
                    Alert.TOPIC_PREFIX + topic.id(), label, article.id(), article.article().title(),
                    article.article().url(), topic.matched(), article.classification().classifiedAt())));
        }
        return alerts;
    }

    /**
     * Sends alerts. The result completes when the broker has accepted every alert (acks=all, after the producer's
     * own retries), or exceptionally, with {@link AlertsNotPublishedException}, when at least one was refused; each
     * refused alert is also logged and counted. The caller acknowledges the article only then, so that its offset is
     * never committed before its alerts are written.
     */
    public CompletableFuture<Void> publish(List<Outgoing> alerts) {
        List<CompletableFuture<Void>> sent = new ArrayList<>(alerts.size());
        for (Outgoing alert : alerts) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata =
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(alert.key());
            if (alert.topic() != null) {
                metadata.withTopic(alert.topic());
            }
            Message<Alert> message = Message.of(alert.alert())
                    .addMetadata(metadata.build())
                    .withAck(() -> {
                        metrics.alert(alert.topic() == null ? "subscription" : "topic");
                        done.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(error -> {
                        refused(alert, error, done);
                        return CompletableFuture.completedFuture(null);
                    });
            try {
                emitter.send(message);
            } catch (RuntimeException e) {
                refused(alert, e, done);
            }
            sent.add(done);
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    private void refused(Outgoing alert, Throwable error, CompletableFuture<Void> done) {
        metrics.alertFailed();
        Log.errorf(error, "Alert %s for article %s not published", alert.alert().subscriptionId(),
                alert.alert().articleId());
        done.completeExceptionally(new AlertsNotPublishedException(alert.alert().articleId(), error));
    }

    /**
     * An alert and where it goes.
     *
     * @param topic the Kafka topic, or null for the channel's topic ({@code news.alerts})
     * @param key   the record key
     */
    public record Outgoing(String topic, String key, Alert alert) {
    }
}
