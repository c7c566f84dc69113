package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.newsroommonitor.classify.alert.AlertPublisher;
import org.newsroommonitor.classify.gazetteer.Entities;
import org.newsroommonitor.classify.gazetteer.EntityExtractor;
import org.newsroommonitor.classify.metrics.ClassifyMetrics;
import org.newsroommonitor.classify.recent.ArticleText;
import org.newsroommonitor.classify.recent.RecentArticles;
import org.newsroommonitor.classify.rules.ArticleDocument;
import org.newsroommonitor.classify.subscription.SubscriptionMatch;
import org.newsroommonitor.classify.subscription.SubscriptionMatcher;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TaxonomyReloader;
import org.newsroommonitor.classify.topic.TopicClassifier;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleClassification;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Place;
import org.newsroommonitor.messages.Topic;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads articles from {@code news.articles}, classifies them (topics with the taxonomy in force, places and
 * organisations with the gazetteer) and writes them to {@code news.classified} with the same key (the article
 * id): the article's JSON as it arrived, every field included, with the classification's fields set on it
 * ({@link ClassifiedArticle}); then publishes the alerts of the article (saved searches it matches, its topics; see
 * {@link AlertPublisher}) and keeps its text for rule tests ({@link RecentArticles}). Alerts are sent after the
 * classified article is built, and the article is acknowledged (its offset may be committed) only when both the
 * classified article and all its alerts are accepted by the broker; when an alert is refused, the article goes to
 * the dead-letter topic instead and the stream goes on. A message that cannot be read as an article, or not
 * classified, is negatively acknowledged: the connector's dead-letter-queue failure strategy copies it to {@code news.articles.dlq} with the
 * reason in the {@code dead-letter-reason} header, and the stream goes on.
 */
@ApplicationScoped
public class ArticleConsumer {

    /** Incoming channel, bound to topic {@code news.articles}. */
    public static final String CHANNEL = "articles";
    /** Outgoing channel, bound to topic {@code news.classified}. */
    public static final String OUTGOING_CHANNEL = "classified";

    /** Header the Kafka connector sets when the value could not be deserialized. */
    static final String DESERIALIZATION_FAILURE_REASON = "deserialization-failure-reason";

    private final TaxonomyReloader taxonomy;
    private final EntityExtractor extractor;
    private final SubscriptionMatcher subscriptions;
    private final AlertPublisher alerts;
    private final RecentArticles recent;
    private final ClassifyMetrics metrics;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final MessageSchemas schemas;

    public ArticleConsumer(TaxonomyReloader taxonomy, EntityExtractor extractor, SubscriptionMatcher subscriptions,
                           AlertPublisher alerts, RecentArticles recent, ClassifyMetrics metrics, Clock clock,
                           ObjectMapper mapper, MessageSchemas schemas) {
        this.taxonomy = taxonomy;
        this.extractor = extractor;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.recent = recent;
        this.metrics = metrics;
        this.clock = clock;
        this.mapper = mapper;
        this.schemas = schemas;
    }

    @Incoming(CHANNEL)
    @Outgoing(OUTGOING_CHANNEL)
    public Message<ObjectNode> classify(Message<JsonNode> message) {
        Optional<IncomingKafkaRecordMetadata> incoming = message.getMetadata(IncomingKafkaRecordMetadata.class);
        JsonNode json = message.getPayload();
        if (json == null) {
            // values that are not JSON normally never get here (see ArticleDeserializationFailureHandler);
            // this is an empty value (tombstone) or a failure the connector passed on
            String reason = incoming.map(ArticleConsumer::deserializationFailure).orElse("no value");
            Log.warnf("Unreadable message at %s: %s; sent to the dead-letter topic", position(incoming), reason);
            metrics.failed("empty");
            message.nack(new UnreadableArticleException("not an article: " + reason));
            return null;
        }
        Optional<String> problem = schemas.problem(MessageType.ARTICLE, json);
        if (problem.isPresent()) {
            Log.warnf("Message at %s is not an article: %s; sent to the dead-letter topic", position(incoming),
                    problem.get());
            metrics.failed("invalid");
            message.nack(new UnreadableArticleException("not an article: " + problem.get()));
            return null;
        }
        Article article;
        try {
            article = read(json);
        } catch (UnreadableArticleException e) {
            Log.warnf("Message at %s: %s; sent to the dead-letter topic", position(incoming), e.getMessage());
            metrics.failed("invalid");
            message.nack(e);
            return null;
        }
        ClassifiedArticle classified;
        List<AlertPublisher.Outgoing> outgoingAlerts;
        try {
            TopicClassifier classifier = taxonomy.current();
            ArticleDocument document = new ArticleDocument(article.title(), article.summary(), article.text());
            Classification classification = metrics.time(() -> classifier.classify(document));
            Entities entities = extractor.extract(document);
            classified = ClassifiedArticle.of(mapper, (ObjectNode) json, new ArticleClassification(
                    classification.topics(), entities.places(), entities.organisations(),
                    classification.taxonomyVersion(), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)));
            List<SubscriptionMatch> matches = subscriptions.match(document,
                    classification.topics().stream().map(Topic::id).collect(Collectors.toSet()),
                    entities.places().stream().map(Place::id).collect(Collectors.toSet()));
            outgoingAlerts = alerts.alerts(classified, matches, classifier.taxonomy());
            metrics.classified(classification);
            metrics.entities(entities);
        } catch (RuntimeException e) {
            Log.warnf(e, "Cannot classify article %s at %s; sent to the dead-letter topic", article.id(),
                    position(incoming));
            metrics.failed("classification");
            message.nack(e);
            return null;
        }
        recent.add(new ArticleText(article.id(), article.title(), article.summary(), article.text()));
        CompletableFuture<Void> alertsSent = alerts.publish(outgoingAlerts);
        Object key = incoming.map(IncomingKafkaRecordMetadata::getKey).orElse(null);
        String outgoingKey = key == null ? article.id() : key.toString();
        return acknowledgedAfterAlerts(message, message.withPayload(classified.json())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(outgoingKey).build()), alertsSent,
                error -> {
                    Log.warnf("Alerts of article %s at %s not published; article sent to the dead-letter topic",
                            article.id(), position(incoming));
                    metrics.failed("alerts");
                });
    }

    private Article read(JsonNode json) {
        try {
            return mapper.treeToValue(json, Article.class);
        } catch (JsonProcessingException e) {
            // the schema was checked, so this is a value Jackson cannot bind (an instant it cannot parse, say)
            throw new UnreadableArticleException("not an article: " + e.getOriginalMessage());
        }
    }

    /**
     * The classified message, whose acknowledgement (the broker accepted the classified article) acknowledges the
     * incoming article only once its alerts are written too, so that its offset is never committed before them. When
     * an alert was refused, the article is negatively acknowledged instead: the failure strategy sends it to the
     * dead-letter topic with the reason, from where it can be replayed (alerts are at least once).
     */
    static <T> Message<T> acknowledgedAfterAlerts(Message<?> incoming, Message<T> classified,
                                                  CompletionStage<Void> alertsSent, Consumer<Throwable> whenRefused) {
        return classified
                .withAck(() -> alertsSent.handle((sent, error) -> {
                    if (error == null) {
                        return incoming.ack();
                    }
                    Throwable reason = error instanceof CompletionException ? error.getCause() : error;
                    whenRefused.accept(reason);
                    return incoming.nack(reason);
                }).thenCompose(Function.identity()))
                .withNack(incoming::nack);
    }

    private static String deserializationFailure(IncomingKafkaRecordMetadata<?, ?> metadata) {
        Header header = metadata.getHeaders().lastHeader(DESERIALIZATION_FAILURE_REASON);
        return header == null || header.value() == null ? "empty value"
                : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String position(Optional<IncomingKafkaRecordMetadata> metadata) {
        return metadata.map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset()).orElse("?");
    }

    /** A message that is not a usable article. */
    static final class UnreadableArticleException extends RuntimeException {
        UnreadableArticleException(String message) {
            super(message);
        }
    }
}
