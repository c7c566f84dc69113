package org.newsroommonitor.classify.subscription;

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
import org.newsroommonitor.messages.MessageSchemas;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.messages.SubscriptionRecords;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the saved searches of the compacted topic {@code news.subscriptions} in the {@link SubscriptionMatcher},
 * reading each record by the rule search-service applies too ({@link SubscriptionRecords}): a value saves (adds or
 * replaces) the subscription of its key, a null value (tombstone) deletes it. Every instance reads the whole topic
 * from the beginning with a group id of its own and commits nothing, so every replica knows every saved search. A
 * record that rule refuses (no key, not a subscription of the schema version read here, an id that is not its
 * key), or whose query this service cannot use, is logged with the reason and counted ({@code refused}) and
 * skipped: the saved search of that key stays as it was, and the stream goes on.
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
    private final SubscriptionRecords reader;
    private final ClassifyMetrics metrics;

    public SubscriptionConsumer(SubscriptionMatcher matcher, SubscriptionsLoad load, ObjectMapper mapper,
                                MessageSchemas schemas, ClassifyMetrics metrics) {
        this.matcher = matcher;
        this.load = load;
        this.reader = new SubscriptionRecords(schemas, mapper);
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
            switch (reader.read(key, record.value())) {
                case SubscriptionRecords.Delete delete -> {
                    saved.remove(key); // saved earlier in this batch: deleted before it was registered
                    boolean removed = matcher.remove(key);
                    Log.debugf("Subscription %s deleted%s", key, removed ? "" : " (it was not in force)");
                    metrics.subscriptionUpdate("deleted");
                    deleted++;
                }
                case SubscriptionRecords.Save save -> {
                    Subscription subscription = save.subscription();
                    try {
                        matcher.check(subscription);
                    } catch (InvalidSubscriptionException | IllegalArgumentException e) {
                        refuse(key, where, "query: " + e.getMessage());
                        refused++;
                        continue;
                    }
                    saved.put(key, subscription); // a later save of the same id replaces an earlier one
                    Log.debugf("Subscription %s (%s) saved: %s", key, subscription.name(), subscription.query());
                    metrics.subscriptionUpdate("saved");
                    savedRecords++;
                }
                case SubscriptionRecords.Refuse refuse -> {
                    refuse(key, where, refuse.reason());
                    refused++;
                }
            }
        }
        matcher.putAll(saved.values());
        Log.infof("Saved searches: %d saved, %d deleted, %d refused; %d in force", savedRecords, deleted, refused,
                matcher.size());
        load.applied(lastOffsets, records.count());
    }

    private void refuse(String key, String where, String reason) {
        Log.warnf("Subscription %s at %s refused, the one in force (if any) stays: %s",
                key == null ? "(no key)" : key, where, reason);
        metrics.subscriptionUpdate("refused");
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
