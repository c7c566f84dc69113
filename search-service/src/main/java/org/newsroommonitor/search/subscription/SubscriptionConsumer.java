package org.newsroommonitor.search.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroommonitor.messages.Subscription;

import java.time.Instant;

/**
 * Reads {@code news.subscriptions} from the beginning (a consumer group of its own per instance, no commits) into
 * the {@link SubscriptionView}. A tombstone (null value) deletes; an unreadable value is logged and skipped.
 */
@ApplicationScoped
public class SubscriptionConsumer {

    /** Incoming channel; its topic is {@code mp.messaging.incoming.subscriptions.topic}. */
    public static final String CHANNEL = "subscriptions";

    private static final Logger LOG = Logger.getLogger(SubscriptionConsumer.class);

    private final ObjectMapper mapper;
    private final SubscriptionView view;

    public SubscriptionConsumer(ObjectMapper mapper, SubscriptionView view) {
        this.mapper = mapper;
        this.view = view;
    }

    @Incoming(CHANNEL)
    public void consume(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            LOG.warnf("Ignoring subscription record without key at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            view.delete(record.key(), Instant.ofEpochMilli(record.timestamp()));
            return;
        }
        try {
            Subscription subscription = mapper.readValue(record.value(), Subscription.class);
            if (subscription == null || !record.key().equals(subscription.id())) {
                LOG.warnf("Ignoring subscription record whose id is not its key %s", record.key());
                return;
            }
            view.put(subscription);
        } catch (Exception e) {
            LOG.warnf("Ignoring unreadable subscription %s: %s", record.key(), e.getMessage());
        }
    }
}
