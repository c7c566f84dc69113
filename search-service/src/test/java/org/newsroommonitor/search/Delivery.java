package org.newsroommonitor.search;

import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;

/** A message sent to an in-memory channel, and what the service answered: acknowledged, or nacked with a reason. */
public final class Delivery<T> {

    private final CompletableFuture<Void> acked = new CompletableFuture<>();
    private final CompletableFuture<Throwable> nacked = new CompletableFuture<>();
    private final Message<T> message;

    public Delivery(T payload) {
        message = Message.of(payload, () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, reason -> {
            nacked.complete(reason);
            return CompletableFuture.completedFuture(null);
        });
    }

    public Message<T> message() {
        return message;
    }

    public boolean isAcked() {
        return acked.isDone();
    }

    public boolean isNacked() {
        return nacked.isDone();
    }

    /** Acknowledged or nacked. */
    public boolean isSettled() {
        return isAcked() || isNacked();
    }

    /** The reason of the nack, or null. */
    public Throwable nackReason() {
        return nacked.getNow(null);
    }
}
