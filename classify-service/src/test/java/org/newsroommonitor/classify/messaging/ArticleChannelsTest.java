package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsroommonitor.classify.AlertsGate;
import org.newsroommonitor.classify.Delivery;
import org.newsroommonitor.classify.InMemoryChannels;
import org.newsroommonitor.classify.alert.AlertPublisher;
import org.newsroommonitor.classify.alert.AlertsNotPublishedException;
import org.newsroommonitor.classify.subscription.SubscriptionConsumer;
import org.newsroommonitor.classify.subscription.SubscriptionsLoad;
import org.newsroommonitor.messages.Alert;
import org.newsroommonitor.messages.KafkaTopics;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * classify-service's channels on the in-memory connector, no broker: {@value ArticleConsumer#CHANNEL} in,
 * {@value ArticleConsumer#OUTGOING_CHANNEL} and {@value AlertPublisher#CHANNEL} out, the saved searches of
 * {@value SubscriptionConsumer#CHANNEL}; when an article is acknowledged, and when it is nacked. What needs the
 * broker stays in the real-broker tests: offsets, the dead-letter topic with its headers and the serialized values
 * ({@link ArticlePipelineTest}, {@code AlertPipelineTest}), the rebalance that tells how far news.subscriptions goes
 * ({@code SubscriptionsBeforeArticlesTest}).
 *
 * <p>The methods run in order: the first one finds the articles held back while the saved searches load.
 */
@QuarkusTest
@TestProfile(InMemoryChannels.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArticleChannelsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicPartition SUBSCRIPTIONS = new TopicPartition(KafkaTopics.SUBSCRIPTIONS, 0);
    private static final AtomicLong SUBSCRIPTION_OFFSET = new AtomicLong();

    @Inject
    @Connector(InMemoryConnector.CONNECTOR)
    InMemoryConnector connector;
    @Inject
    SubscriptionsLoad load;
    @Inject
    @Identifier(AlertPublisher.CHANNEL)
    AlertsGate gate;

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String marker = "mark" + run;

    @BeforeEach
    void emptySinks() {
        classified().clear();
        alerts().clear();
    }

    @Test
    @Order(1)
    void articlesWaitForTheSavedSearchesThenAlertThem() {
        assertThat(load.state()).isEqualTo(SubscriptionsLoad.State.LOADING);
        String subscription = "s-" + run;
        String id = "a-" + run;
        Delivery<ObjectNode> article = new Delivery<>(article(id, "Aid convoy blocked at the Lachin corridor blockade",
                "Reported by " + marker + " desk."));

        articles().send(article.message());
        await("the article held back while the saved searches load").during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5)).until(() -> !article.isSettled() && classified().received().isEmpty());

        // what SubscriptionsAssignment reports when the consumer is first given news.subscriptions: one record to read
        load.assigned(Map.of(SUBSCRIPTIONS, 0L), Map.of(SUBSCRIPTIONS, 1L));
        Delivery<ConsumerRecords<String, String>> saved = saveSearch(subscription, "convoy AND " + marker);
        await().atMost(WAIT).until(article::isSettled);

        assertThat(saved.isAcked()).isTrue();
        assertThat(load.state()).isEqualTo(SubscriptionsLoad.State.LOADED);
        assertThat(article.isAcked()).as("acknowledged, not nacked: %s", article.nackReason()).isTrue();

        Message<ObjectNode> out = classifiedMessage(id);
        assertThat(key(out)).contains(id);
        assertThat(out.getPayload().get("title").asText())
                .isEqualTo("Aid convoy blocked at the Lachin corridor blockade");
        assertThat(topicIds(out.getPayload())).contains("blockade");

        Message<Alert> alert = alertMessage(subscription, id);
        assertThat(key(alert)).contains(subscription);
        assertThat(topic(alert)).as("the channel's own topic, news.alerts").isEmpty();
        assertThat(alert.getPayload().subscriptionName()).isEqualTo("Saved search " + subscription);
        assertThat(alert.getPayload().url()).isEqualTo("https://example.org/" + id);
        assertThat(alert.getPayload().matched()).containsExactly("convoy", marker);

        Message<Alert> topicAlert = alertMessage(Alert.TOPIC_PREFIX + "blockade", id);
        assertThat(topic(topicAlert)).contains(KafkaTopics.TOPIC_ALERTS_PREFIX + "blockade");
        assertThat(key(topicAlert)).contains(id);
    }

    @Test
    @Order(2)
    void unreadableAndRefusedArticlesAreNackedAndTheStreamGoesOn() {
        Delivery<ObjectNode> empty = new Delivery<>(null);
        ObjectNode noId = DocsExamples.json(MessageType.ARTICLE);
        noId.remove("id");
        Delivery<ObjectNode> refused = new Delivery<>(noId);
        ObjectNode badDate = article("bad-date-" + run, "Aid convoy", "x");
        badDate.put("published", "yesterday");
        Delivery<ObjectNode> unbindable = new Delivery<>(badDate);
        Delivery<ObjectNode> good = new Delivery<>(article("after-" + run, "Football team celebrates cup win",
                "The club's fans filled the streets."));

        articles().send(empty.message()).send(refused.message()).send(unbindable.message()).send(good.message());
        await().atMost(WAIT).until(() -> empty.isSettled() && refused.isSettled() && unbindable.isSettled()
                && good.isSettled());

        assertThat(empty.isAcked()).isFalse();
        assertThat(empty.nackReason()).hasMessage("not an article: no value");
        assertThat(refused.isAcked()).isFalse();
        assertThat(refused.nackReason().getMessage())
                .startsWith("not an article: does not match the article schema v1: ")
                .contains("required property 'id' not found");
        assertThat(unbindable.isAcked()).isFalse();
        assertThat(unbindable.nackReason().getMessage()).startsWith("not an article: ");
        assertThat(good.isAcked()).as("acknowledged, not nacked: %s", good.nackReason()).isTrue();
        assertThat(classified().received()).extracting(m -> m.getPayload().get("id").asText())
                .containsExactly("after-" + run);
        assertThat(topicIds(classifiedMessage("after-" + run).getPayload())).isEmpty();
    }

    @Test
    @Order(3)
    void anArticleIsAcknowledgedOnlyOnceItsAlertsAreAccepted() {
        String subscription = "held-" + run;
        String id = "held-article-" + run;
        awaitAcked(saveSearch(subscription, "convoy AND " + marker));
        Delivery<ObjectNode> article = new Delivery<>(article(id, "Aid convoy waits", marker));

        gate.hold();
        try {
            articles().send(article.message());
            await().atMost(WAIT).until(() -> findAlert(subscription, id).isPresent() && findClassified(id).isPresent());
            await("the article unacknowledged while its alerts are held").during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5)).until(() -> !article.isSettled());
        } finally {
            gate.open();
        }
        await().atMost(WAIT).until(article::isSettled);
        assertThat(article.isAcked()).as("acknowledged, not nacked: %s", article.nackReason()).isTrue();
    }

    @Test
    @Order(4)
    void aRefusedAlertNacksTheArticleSoThatItIsNotCommitted() {
        String subscription = "refused-" + run;
        String id = "refused-article-" + run;
        awaitAcked(saveSearch(subscription, "convoy AND " + marker));
        Delivery<ObjectNode> article = new Delivery<>(article(id, "Aid convoy turned back", marker));
        Delivery<ObjectNode> next = new Delivery<>(article("next-" + run, "Aid convoy arrives", marker));

        gate.refuse(new IllegalStateException("not enough replicas"));
        try {
            articles().send(article.message());
            await().atMost(WAIT).until(article::isSettled);
        } finally {
            gate.open();
        }
        articles().send(next.message());
        await().atMost(WAIT).until(next::isSettled);

        assertThat(article.isAcked()).isFalse();
        assertThat(article.nackReason()).isInstanceOf(AlertsNotPublishedException.class)
                .hasMessage("alerts of article " + id + " not published: not enough replicas");
        assertThat(next.isAcked()).as("acknowledged, not nacked: %s", next.nackReason()).isTrue();
        assertThat(findAlert(subscription, "next-" + run)).isPresent();
    }

    @Test
    @Order(5)
    void aDeletedSavedSearchRaisesNoMoreAlerts() {
        String subscription = "deleted-" + run;
        String control = "control-" + run;
        awaitAcked(saveSearch(subscription, "convoy AND " + marker));
        awaitAcked(saveSearch(control, marker));
        Delivery<ObjectNode> before = new Delivery<>(article("before-" + run, "Aid convoy", marker));
        articles().send(before.message());
        awaitAcked(before);
        assertThat(findAlert(subscription, "before-" + run)).isPresent();

        awaitAcked(send(record(subscription, null)));
        Delivery<ObjectNode> after = new Delivery<>(article("after-delete-" + run, "Aid convoy", marker));
        articles().send(after.message());
        awaitAcked(after);

        // the article is acknowledged only once its alerts are accepted: every alert of it is in the sink by now
        assertThat(findAlert(control, "after-delete-" + run)).isPresent();
        assertThat(findAlert(subscription, "after-delete-" + run)).isEmpty();
    }

    private InMemorySource<Message<?>> articles() {
        return connector.source(ArticleConsumer.CHANNEL);
    }

    private InMemorySink<ObjectNode> classified() {
        return connector.sink(ArticleConsumer.OUTGOING_CHANNEL);
    }

    private InMemorySink<Alert> alerts() {
        return connector.sink(AlertPublisher.CHANNEL);
    }

    private Delivery<ConsumerRecords<String, String>> saveSearch(String id, String query) {
        return send(record(id, DocsExamples.subscription(id, query)));
    }

    /** One batch of the subscriptions channel, as the Kafka connector hands it to the consumer. */
    private Delivery<ConsumerRecords<String, String>> send(ConsumerRecord<String, String> record) {
        Delivery<ConsumerRecords<String, String>> batch = new Delivery<>(new ConsumerRecords<>(
                Map.of(SUBSCRIPTIONS, List.of(record)), Map.of()));
        connector.<Message<?>>source(SubscriptionConsumer.CHANNEL).send(batch.message());
        return batch;
    }

    private static ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>(SUBSCRIPTIONS.topic(), SUBSCRIPTIONS.partition(),
                SUBSCRIPTION_OFFSET.getAndIncrement(), key, value);
    }

    private static void awaitAcked(Delivery<?> delivery) {
        await().atMost(WAIT).until(delivery::isSettled);
        assertThat(delivery.isAcked()).as("acknowledged, not nacked: %s", delivery.nackReason()).isTrue();
    }

    private static ObjectNode article(String id, String title, String summary) {
        ObjectNode article = DocsExamples.json(MessageType.ARTICLE);
        article.put("id", id);
        article.put("url", "https://example.org/" + id);
        article.put("title", title);
        article.put("summary", summary);
        article.put("text", "");
        return article;
    }

    private Optional<Message<ObjectNode>> findClassified(String id) {
        return classified().received().stream().map(m -> (Message<ObjectNode>) m)
                .filter(m -> id.equals(m.getPayload().get("id").asText())).findFirst();
    }

    private Message<ObjectNode> classifiedMessage(String id) {
        return findClassified(id).orElseThrow(() -> new AssertionError("no classified article " + id));
    }

    private Optional<Message<Alert>> findAlert(String subscriptionId, String articleId) {
        return alerts().received().stream().map(m -> (Message<Alert>) m)
                .filter(m -> subscriptionId.equals(m.getPayload().subscriptionId())
                        && articleId.equals(m.getPayload().articleId()))
                .findFirst();
    }

    private Message<Alert> alertMessage(String subscriptionId, String articleId) {
        return findAlert(subscriptionId, articleId)
                .orElseThrow(() -> new AssertionError("no alert " + subscriptionId + " for " + articleId));
    }

    private static Optional<Object> key(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).map(OutgoingKafkaRecordMetadata::getKey);
    }

    private static Optional<String> topic(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).map(OutgoingKafkaRecordMetadata::getTopic);
    }

    private static List<String> topicIds(JsonNode classified) {
        return classified.get("topics").findValuesAsText("id");
    }
}
