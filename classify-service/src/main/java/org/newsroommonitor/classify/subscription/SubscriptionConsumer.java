package org.newsroommonitor.classify.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsroommonitor.classify.metrics.ClassifyMetrics;
import org.newsroommonitor.messages.Subscription;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the saved searches of the compacted topic {@code news.subscriptions} in the {@link SubscriptionMatcher}:
 * a value saves (adds or replaces) the subscription of its key, a null value (tombstone) deletes it. Every
 * instance reads the whole topic from the beginning with a group id of its own and commits nothing, so every
 * replica knows every saved search. A record that cannot be read, or whose query cannot be used, is logged and
 * counted and skipped: the saved search of that key stays as it was, and the stream goes on.
 *
 * <p>Records come in batches (as polled): deletions apply at once, the saved searches of a batch are registered
 * together ({@link SubscriptionMatcher#putAll}, one update of the Monitor's query index instead of one per search),
 * which gives the same result as applying the records one by one in order. At start-up this reads 10,000 saved
 * searches in about a second instead of a minute; {@link SubscriptionsLoad} learns how far the topic is read.
 */
@ApplicationScoped
public class SubscriptionConsumer {

    /** Incoming channel, bound to topic {@code news.subscriptions}. */
    public static final String CHANNEL = "subscriptions";

    private final SubscriptionMatcher matcher;
    private final SubscriptionsLoad load;
    private final ObjectMapper mapper;
    private final ClassifyMetrics metrics;

    public SubscriptionConsumer(SubscriptionMatcher matcher, SubscriptionsLoad load, ObjectMapper mapper,
                                ClassifyMetrics metrics) {
        this.matcher = matcher;
        this.load = load;
        this.mapper = mapper;
        this.metrics = metrics;
        metrics.watchSubscriptions(matcher, SubscriptionMatcher::size);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void apply(ConsumerRecords<String, String> records) {
        Map<String, Subscription> saved = new LinkedHashMap<>(); // to register, by id
        Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        int savedRecords = 0;
        int deleted = 0;
        int refused = 0;
        for (ConsumerRecord<String, String> record : records) {
            lastOffsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
            String key = record.key();
            String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            if (key == null || key.isBlank()) {
                Log.warnf("Subscription record at %s has no key (the subscription id); skipped", where);
                metrics.subscriptionUpdate("refused");
                refused++;
                continue;
            }
            if (record.value() == null) {
                saved.remove(key); // saved earlier in this batch: deleted before it was registered
                boolean removed = matcher.remove(key);
                Log.debugf("Subscription %s deleted%s", key, removed ? "" : " (it was not in force)");
                metrics.subscriptionUpdate("deleted");
                deleted++;
                continue;
            }
            try {
                Subscription subscription = mapper.readValue(record.value(), Subscription.class);
                if (subscription == null) {
                    throw new InvalidSubscriptionException("the value is not a JSON object");
                }
                if (subscription.id() != null && !subscription.id().equals(key)) {
                    Log.warnf("Subscription at %s has id %s but key %s; the key is used", where, subscription.id(), key);
                }
                Subscription withKey = subscription.withId(key);
                matcher.check(withKey);
                saved.put(key, withKey); // a later save of the same id replaces an earlier one
                Log.debugf("Subscription %s (%s) saved: %s", key, subscription.name(), subscription.query());
                metrics.subscriptionUpdate("saved");
                savedRecords++;
            } catch (JsonProcessingException | InvalidSubscriptionException | IllegalArgumentException e) {
                String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
                Log.warnf("Subscription %s at %s skipped, the one in force (if any) stays: %s", key, where, reason);
                metrics.subscriptionUpdate("refused");
                refused++;
            }
        }
        matcher.putAll(saved.values());
        Log.infof("Saved searches: %d saved, %d deleted, %d refused; %d in force", savedRecords, deleted, refused,
                matcher.size());
        load.applied(lastOffsets, records.count());
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

        /** The start-up load of the saved searches (one per service). */
        @Produces
        @Singleton
        SubscriptionsLoad load(Clock clock) {
            return new SubscriptionsLoad(clock);
        }
    }
}
