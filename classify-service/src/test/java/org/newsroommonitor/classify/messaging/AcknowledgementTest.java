package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.alert.AlertsNotPublishedException;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.testing.DocsExamples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incoming article is acknowledged (its offset may be committed) only after both its classified message and
 * all its alerts are accepted; a refused alert sends the article to the dead-letter topic instead.
 */
class AcknowledgementTest {

    private final AtomicInteger acks = new AtomicInteger();
    private final List<Throwable> nacks = new ArrayList<>();
    private final List<Throwable> refused = new ArrayList<>();
    private final Message<JsonNode> incoming = Message.of(DocsExamples.json(MessageType.ARTICLE),
            () -> {
                acks.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            },
            error -> {
                nacks.add(error);
                return CompletableFuture.completedFuture(null);
            });

    @Test
    void articleIsAcknowledgedOnlyWhenItsAlertsAreWritten() {
        CompletableFuture<Void> alertsSent = new CompletableFuture<>();
        Message<String> classified = ArticleConsumer.acknowledgedAfterAlerts(incoming, incoming.withPayload("classified"),
                alertsSent, refused::add);

        CompletionStage<Void> ack = classified.ack();

        assertThat(ack.toCompletableFuture()).isNotDone();
        assertThat(acks).hasValue(0);
        alertsSent.complete(null);
        assertThat(ack.toCompletableFuture()).isCompleted();
        assertThat(acks).hasValue(1);
        assertThat(nacks).isEmpty();
        assertThat(refused).isEmpty();
    }

    @Test
    void refusedAlertSendsTheArticleToTheDeadLetterTopicInsteadOfCommittingIt() {
        CompletableFuture<Void> alertsSent = new CompletableFuture<>();
        Message<String> classified = ArticleConsumer.acknowledgedAfterAlerts(incoming, incoming.withPayload("classified"),
                alertsSent, refused::add);
        AlertsNotPublishedException failure = new AlertsNotPublishedException("a1",
                new IllegalStateException("broker unavailable"));

        CompletionStage<Void> ack = classified.ack();
        alertsSent.completeExceptionally(failure);

        assertThat(ack.toCompletableFuture()).isCompleted();
        assertThat(acks).hasValue(0);
        assertThat(nacks).containsExactly(failure);
        assertThat(refused).containsExactly(failure);
        assertThat(failure).hasMessage("alerts of article a1 not published: broker unavailable");
    }

    @Test
    void refusedClassifiedArticleIsNackedWithItsReason() {
        Message<String> classified = ArticleConsumer.acknowledgedAfterAlerts(incoming, incoming.withPayload("classified"),
                CompletableFuture.completedFuture(null), refused::add);
        IllegalStateException failure = new IllegalStateException("record too large");

        classified.nack(failure);

        assertThat(acks).hasValue(0);
        assertThat(nacks).containsExactly(failure);
        assertThat(refused).isEmpty();
    }
}
