package org.newsroommonitor.classify.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * Reads {@code news.articles} values with the application's Jackson mapper. A value that is not an article throws;
 * the Kafka connector then passes a {@code null} payload with the reason in the
 * {@code deserialization-failure-reason} header ({@code fail-on-deserialization-failure=false}), which
 * {@link ArticleConsumer} sends to the dead-letter topic.
 */
public class ArticleMessageDeserializer extends ObjectMapperDeserializer<ArticleMessage> {

    public ArticleMessageDeserializer() {
        super(ArticleMessage.class);
    }
}
