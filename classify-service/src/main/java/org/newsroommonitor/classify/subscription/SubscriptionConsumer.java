package org.newsroommonitor.classify.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsroommonitor.classify.metrics.ClassifyMetrics;

/**
 * Keeps the saved searches of the compacted topic {@code news.subscriptions} in the {@link SubscriptionMatcher}:
 * a value saves (adds or replaces) the subscription of its key, a null value (tombstone) deletes it. Every
 * instance reads the whole topic from the beginning with a group id of its own and commits nothing, so every
 * replica knows every saved search. A record that cannot be read, or whose query cannot be used, is logged and
 * counted and skipped: the saved search of that key stays as it was, and the stream goes on.
 */
@ApplicationScoped
public class SubscriptionConsumer {

    /** Incoming channel, bound to topic {@code news.subscriptions}. */
    public static final String CHANNEL = "subscriptions";

    private final SubscriptionMatcher matcher;
    private final ObjectMapper mapper;
    private final ClassifyMetrics metrics;

    public SubscriptionConsumer(SubscriptionMatcher matcher, ObjectMapper mapper, ClassifyMetrics metrics) {
        this.matcher = matcher;
        this.mapper = mapper;
        this.metrics = metrics;
        metrics.watchSubscriptions(matcher, SubscriptionMatcher::size);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void apply(ConsumerRecord<String, String> record) {
        String key = record.key();
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (key == null || key.isBlank()) {
            Log.warnf("Subscription record at %s has no key (the subscription id); skipped", where);
            metrics.subscriptionUpdate("refused");
            return;
        }
        if (record.value() == null) {
            boolean removed = matcher.remove(key);
            Log.infof("Subscription %s deleted%s", key, removed ? "" : " (it was not in force)");
            metrics.subscriptionUpdate("deleted");
            return;
        }
        try {
            Subscription subscription = mapper.readValue(record.value(), Subscription.class);
            if (subscription == null) {
                throw new InvalidSubscriptionException("the value is not a JSON object");
            }
            if (subscription.id() != null && !subscription.id().equals(key)) {
                Log.warnf("Subscription at %s has id %s but key %s; the key is used", where, subscription.id(), key);
            }
            matcher.put(subscription.withId(key));
            Log.infof("Subscription %s (%s) saved: %s", key, subscription.name(), subscription.query());
            metrics.subscriptionUpdate("saved");
        } catch (JsonProcessingException | InvalidSubscriptionException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            Log.warnf("Subscription %s at %s skipped, the one in force (if any) stays: %s", key, where, reason);
            metrics.subscriptionUpdate("refused");
        }
    }

    /** The service's one matcher. */
    @ApplicationScoped
    static class MatcherProducer {
        @Produces
        @ApplicationScoped
        SubscriptionMatcher matcher() {
            return new SubscriptionMatcher();
        }

        void close(@Disposes SubscriptionMatcher matcher) {
            matcher.close();
        }
    }
}
