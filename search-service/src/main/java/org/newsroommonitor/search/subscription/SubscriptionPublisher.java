package org.newsroommonitor.search.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.OutgoingMessageMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.newsroommonitor.messages.Subscription;

/**
 * Writes subscriptions (and tombstones) to {@code news.subscriptions}, waiting for the broker's acknowledgement, and
 * answers where the broker put the record (for {@link SubscriptionView}'s read-your-writes).
 */
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

    public SubscriptionView.Position publish(Subscription subscription) {
        try {
            return send(subscription.id(), mapper.writeValueAsString(subscription));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tombstone: compaction removes the subscription from the topic. */
    public SubscriptionView.Position delete(String id) {
        return send(id, null);
    }

    private SubscriptionView.Position send(String key, String value) {
        OutgoingMessageMetadata<RecordMetadata> written = new OutgoingMessageMetadata<>();
        emitter.sendMessageAndAwait(KafkaRecord.of(key, value).addMetadata(written));
        RecordMetadata result = written.getResult();
        return result == null || !result.hasOffset() ? SubscriptionView.Position.UNKNOWN
                : new SubscriptionView.Position(result.partition(), result.offset());
    }
}
