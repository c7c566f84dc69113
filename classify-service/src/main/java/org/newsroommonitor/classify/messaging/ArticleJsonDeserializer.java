package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * Reads {@code news.articles} values as JSON trees with the application's Jackson mapper, so that every field of
 * the article, including those this service does not know, is passed on to {@code news.classified}. A value that is
 * not JSON throws; the Kafka connector then passes a {@code null} payload with the reason in the
 * {@code deserialization-failure-reason} header ({@code fail-on-deserialization-failure=false}), which
 * {@link ArticleConsumer} sends to the dead-letter topic. Whether the JSON is an article is checked by the consumer.
 */
public class ArticleJsonDeserializer extends ObjectMapperDeserializer<JsonNode> {

    public ArticleJsonDeserializer() {
        super(JsonNode.class);
    }
}
