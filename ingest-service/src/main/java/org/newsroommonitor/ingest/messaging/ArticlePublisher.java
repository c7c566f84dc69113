package org.newsroommonitor.ingest.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.newsroommonitor.messages.Article;

import java.util.concurrent.CompletableFuture;

/**
 * Sends articles to the {@value #CHANNEL} channel (topic {@code news.articles}, see application.properties), keyed
 * by article id, as JSON. The returned future completes when Kafka has acknowledged the record (acks=all,
 * idempotent producer), and fails when it has not, so the caller can remember an article only once it is safe.
 */
@ApplicationScoped
public class ArticlePublisher {

    public static final String CHANNEL = "articles";

    private final Emitter<Article> emitter;

    @Inject
    public ArticlePublisher(@Channel(CHANNEL) Emitter<Article> emitter) {
        this.emitter = emitter;
    }

    public CompletableFuture<Void> publish(Article article) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<Article> message = Message.of(article)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build())
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(error -> {
                    acknowledged.completeExceptionally(error);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }
}
