package org.newsroommonitor.search.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.messages.Subscription;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's view of {@code news.subscriptions}, read from the beginning of the topic. Writes of this instance
 * are applied as soon as the broker acknowledged them (read-your-writes); a record from the topic that is older
 * (by {@code updatedAt}) than what the view holds is ignored, so a lagging consumer never undoes a newer write.
 */
@ApplicationScoped
public class SubscriptionView {

    /** A subscription, or the time it was deleted (subscription null). */
    private record Entry(Subscription subscription, Instant time) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public void put(Subscription subscription) {
        Instant time = subscription.updatedAt() == null ? Instant.EPOCH : subscription.updatedAt();
        entries.compute(subscription.id(), (id, current) ->
                current != null && current.time().isAfter(time) ? current : new Entry(subscription, time));
    }

    public void delete(String id, Instant time) {
        entries.compute(id, (key, current) ->
                current != null && current.time().isAfter(time) ? current : new Entry(null, time));
    }

    public Optional<Subscription> get(String id) {
        Entry entry = entries.get(id);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.subscription());
    }

    /** Every subscription (of one owner when {@code owner} is not null), oldest first. */
    public List<Subscription> all(String owner) {
        return entries.values().stream()
                .map(Entry::subscription)
                .filter(s -> s != null && (owner == null || owner.equals(s.owner())))
                .sorted(Comparator.comparing(Subscription::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Subscription::id))
                .toList();
    }
}
