package org.newsroommonitor.search.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.newsroommonitor.messages.Subscription;

/** Writes subscriptions (and tombstones) to {@code news.subscriptions}, waiting for the broker's acknowledgement. */
@ApplicationScoped
public class SubscriptionPublisher {

    /** Outgoing channel; its topic is {@code mp.messaging.outgoing.subscriptions-out.topic}. */
    public static final String CHANNEL = "subscriptions-out";

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;

    public SubscriptionPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    public void publish(Subscription subscription) {
        try {
            emitter.sendMessageAndAwait(KafkaRecord.of(subscription.id(), mapper.writeValueAsString(subscription)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tombstone: compaction removes the subscription from the topic. */
    public void delete(String id) {
        emitter.sendMessageAndAwait(KafkaRecord.of(id, (String) null));
    }
}
