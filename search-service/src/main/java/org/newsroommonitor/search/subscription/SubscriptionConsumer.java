package org.newsroommonitor.search.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.SubscriptionRecords;

/**
 * Reads {@code news.subscriptions} from the beginning (a consumer group of its own per instance, no commits) into
 * the {@link SubscriptionView}, by the rule classify-service applies too ({@link SubscriptionRecords}): a value
 * saves the subscription of its key, a tombstone (null value) deletes it. A record that rule refuses (no key, not a
 * subscription of the schema version read here, an id that is not its key) is logged with the reason and counted
 * ({@value #COUNTER}, {@code result=refused}); the subscription of that key stays as it was, and the stream goes on.
 */
@ApplicationScoped
public class SubscriptionConsumer {

    /** Incoming channel; its topic is {@code mp.messaging.incoming.subscriptions.topic}. */
    public static final String CHANNEL = "subscriptions";
    /** Records of {@code news.subscriptions} by {@code result}: {@code saved}, {@code deleted} or {@code refused}. */
    public static final String COUNTER = "newsroom.search.subscription.updates";

    private static final Logger LOG = Logger.getLogger(SubscriptionConsumer.class);

    private final SubscriptionRecords reader;
    private final SubscriptionView view;
    private final Counter saved;
    private final Counter deleted;
    private final Counter refused;

    public SubscriptionConsumer(ObjectMapper mapper, MessageSchemas schemas, SubscriptionView view,
                                MeterRegistry registry) {
        this.reader = new SubscriptionRecords(schemas, mapper);
        this.view = view;
        this.saved = counter(registry, "saved");
        this.deleted = counter(registry, "deleted");
        this.refused = counter(registry, "refused");
    }

    @Incoming(CHANNEL)
    public void consume(ConsumerRecord<String, String> record) {
        SubscriptionView.Position position = new SubscriptionView.Position(record.partition(), record.offset());
        switch (reader.read(record.key(), record.value())) {
            case SubscriptionRecords.Save save -> {
                view.put(save.subscription(), position);
                saved.increment();
            }
            case SubscriptionRecords.Delete delete -> {
                view.delete(delete.id(), position);
                deleted.increment();
            }
            case SubscriptionRecords.Refuse refuse -> {
                LOG.warnf("Subscription %s at %s-%d@%d refused, the one in the view (if any) stays: %s",
                        record.key() == null ? "(no key)" : record.key(), record.topic(), record.partition(),
                        record.offset(), refuse.reason());
                refused.increment();
            }
        }
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder(COUNTER).tag("result", result)
                .description("Records of news.subscriptions saved, deleted or refused (logged with the reason)")
                .register(registry);
    }
}
