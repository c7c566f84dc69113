package org.newsroommonitor.classify.messaging;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.newsroommonitor.classify.metrics.ClassifyMetrics;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TopicClassifier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads articles from {@code news.articles}, classifies them and writes them to {@code news.classified} with the
 * same key (the article id). A message that cannot be read as an article, or not classified, is negatively
 * acknowledged: the connector's dead-letter-queue failure strategy copies it to {@code news.articles.dlq} with the
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

    private final TopicClassifier classifier;
    private final ClassifyMetrics metrics;
    private final Clock clock;

    public ArticleConsumer(TopicClassifier classifier, ClassifyMetrics metrics, Clock clock) {
        this.classifier = classifier;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    @Outgoing(OUTGOING_CHANNEL)
    public Message<ClassifiedArticle> classify(Message<ArticleMessage> message) {
        Optional<IncomingKafkaRecordMetadata> incoming = message.getMetadata(IncomingKafkaRecordMetadata.class);
        ArticleMessage article = message.getPayload();
        if (article == null) {
            // values that fail deserialization normally never get here (see ArticleDeserializationFailureHandler);
            // this is an empty value (tombstone) or a failure the connector passed on
            String reason = incoming.map(ArticleConsumer::deserializationFailure).orElse("no value");
            Log.warnf("Unreadable message at %s: %s; sent to the dead-letter topic", position(incoming), reason);
            metrics.failed("empty");
            message.nack(new UnreadableArticleException("not an article: " + reason));
            return null;
        }
        ClassifiedArticle classified;
        try {
            if (article.id() == null || article.id().isBlank()) {
                throw new UnreadableArticleException("article has no id");
            }
            Classification classification = metrics.time(
                    () -> classifier.classify(article.title(), article.summary(), article.text()));
            classified = ClassifiedArticle.of(article, classification,
                    Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
            metrics.classified(classification);
        } catch (RuntimeException e) {
            Log.warnf(e, "Cannot classify article %s at %s; sent to the dead-letter topic", article.id(),
                    position(incoming));
            metrics.failed(e instanceof UnreadableArticleException ? "invalid" : "classification");
            message.nack(e);
            return null;
        }
        Object key = incoming.map(IncomingKafkaRecordMetadata::getKey).orElse(null);
        String outgoingKey = key == null ? article.id() : key.toString();
        return message.withPayload(classified)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(outgoingKey).build());
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
