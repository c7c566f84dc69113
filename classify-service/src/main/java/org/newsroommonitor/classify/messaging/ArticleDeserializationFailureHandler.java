package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.newsroommonitor.classify.metrics.ClassifyMetrics;

/**
 * Called by the Kafka connector when a {@code news.articles} value is not JSON. It counts and logs the
 * failure and returns no article; the connector has already put the reason and the original bytes in the
 * record's headers, and its dead-letter-queue failure strategy copies the record to {@code news.articles.dlq}
 * without stopping the stream.
 */
@ApplicationScoped
@Identifier(ArticleDeserializationFailureHandler.NAME)
public class ArticleDeserializationFailureHandler implements DeserializationFailureHandler<JsonNode> {

    /** Referenced by {@code mp.messaging.incoming.articles.value-deserialization-failure-handler}. */
    public static final String NAME = "article-deserialization-failure";

    private final ClassifyMetrics metrics;

    public ArticleDeserializationFailureHandler(ClassifyMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public JsonNode handleDeserializationFailure(String topic, boolean isKey, String deserializer, byte[] data,
                                                       Exception exception, Headers headers) {
        metrics.failed("deserialization");
        Log.warnf("Unreadable message on %s (%d bytes), sent to the dead-letter topic: %s", topic,
                data == null ? 0 : data.length, exception.getMessage());
        return null;
    }
}
