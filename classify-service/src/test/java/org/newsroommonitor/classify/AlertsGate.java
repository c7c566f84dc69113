package org.newsroommonitor.classify;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.OutgoingInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.newsroommonitor.classify.alert.AlertPublisher;

import java.util.concurrent.CompletableFuture;

/**
 * Stands for the broker's answer to the alerts the service sends on {@link AlertPublisher#CHANNEL}: open (every
 * alert accepted at once, the default), held (accepted only when the test releases them) or refusing (every alert
 * negatively acknowledged with a reason). Only enabled by the {@link InMemoryChannels} profile, where the in-memory
 * sink would otherwise accept every alert at once.
 */
@Alternative
@ApplicationScoped
@Identifier(AlertPublisher.CHANNEL)
public class AlertsGate implements OutgoingInterceptor {

    private volatile CompletableFuture<Void> released = CompletableFuture.completedFuture(null);
    private volatile Throwable refusal;

    /** Alerts sent from now on are accepted only at {@link #open()}. */
    public void hold() {
        released = new CompletableFuture<>();
    }

    /** Alerts sent from now on are refused with this reason, until {@link #open()}. */
    public void refuse(Throwable reason) {
        refusal = reason;
    }

    /** Accepts the held alerts, and every alert from now on. */
    public void open() {
        refusal = null;
        released.complete(null);
    }

    @Override
    public Message<?> beforeMessageSend(Message<?> message) {
        CompletableFuture<Void> release = released;
        Throwable refused = refusal;
        return message.withAckWithMetadata(metadata -> refused != null
                ? message.nack(refused, metadata)
                : release.thenCompose(ignored -> message.ack(metadata)));
    }

    @Override
    public void onMessageAck(Message<?> message) {
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
    }
}
