package org.newsroommonitor.ingest.statetopic;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;

/**
 * The values under one key prefix of a compacted topic, held in memory: {@code <prefix><id>} holds a {@code V} as
 * JSON. {@link #put} and {@link #remove} change the map and write the change to the topic; {@link #apply} takes in
 * what {@link CompactedTopicReader} read (the topic's history at start, the other replicas' writes after). When an
 * id already has a value, {@code keep} chooses between the known and the offered one.
 */
final class CompactedTopicView<V> implements KeySpace {

    private final String prefix;
    private final Class<V> type;
    private final BinaryOperator<V> keep;
    private final StateTopicWriter writer;
    private final Map<String, V> values = new ConcurrentHashMap<>();

    /** @param keep given the known value and the offered one, the one to keep */
    CompactedTopicView(String prefix, Class<V> type, BinaryOperator<V> keep, StateTopicWriter writer) {
        this.prefix = prefix;
        this.type = type;
        this.keep = keep;
        this.writer = writer;
    }

    /** A view in which the value last put or read wins. */
    static <V> CompactedTopicView<V> lastWins(String prefix, Class<V> type, StateTopicWriter writer) {
        return new CompactedTopicView<>(prefix, type, (known, offered) -> offered, writer);
    }

    @Override
    public String prefix() {
        return prefix;
    }

    Optional<V> get(String id) {
        return Optional.ofNullable(values.get(id));
    }

    /** Puts {@code value} unless {@code keep} prefers the known one, and writes it to the topic when it was put. */
    void put(String id, V value) {
        if (values.merge(id, value, keep) == value) {
            writer.write(prefix + id, value);
        }
    }

    /** Removes the value of {@code id}, and deletes its key from the topic. */
    void remove(String id) {
        values.remove(id);
        writer.write(prefix + id, null);
    }

    int size() {
        return values.size();
    }

    @Override
    public void apply(String id, String json) throws Exception {
        if (json == null) {
            values.remove(id);
        } else {
            values.merge(id, StateJson.read(json, type), keep);
        }
    }
}
