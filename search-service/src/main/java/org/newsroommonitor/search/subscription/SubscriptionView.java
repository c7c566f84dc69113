package org.newsroommonitor.search.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.messages.Subscription;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's view of {@code news.subscriptions}, read from the beginning of the topic. The topic's order is
 * the truth, as for classify-service: the record of a key with the highest offset counts, whatever its
 * {@code updatedAt} or timestamp says. Writes of this instance are applied as soon as the broker acknowledged them,
 * at the offset the broker gave them (read-your-writes); a record read from the topic at a lower offset of the same
 * partition is ignored, so a lagging consumer never undoes a newer write.
 */
@ApplicationScoped
public class SubscriptionView {

    /** Where a record is on the topic; {@code offset} -1 when unknown (then any record read replaces it). */
    public record Position(int partition, long offset) {

        /** A record whose position the broker did not report. */
        public static final Position UNKNOWN = new Position(-1, -1);

        /** Whether a record here comes before {@code other} on the topic, so {@code other} must not be undone. */
        boolean before(Position other) {
            return offset >= 0 && other.offset >= 0 && partition == other.partition && offset < other.offset;
        }
    }

    /** A subscription, or a deletion (subscription null), and the position of its record. */
    private record Entry(Subscription subscription, Position position) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The subscription of the record at {@code position} saves it under its id. */
    public void put(Subscription subscription, Position position) {
        apply(subscription.id(), new Entry(subscription, position));
    }

    /** The tombstone at {@code position} deletes the subscription {@code id}. */
    public void delete(String id, Position position) {
        apply(id, new Entry(null, position));
    }

    private void apply(String id, Entry entry) {
        entries.compute(id, (key, current) ->
                current != null && entry.position().before(current.position()) ? current : entry);
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
