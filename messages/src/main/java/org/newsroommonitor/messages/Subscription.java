package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * A saved search on the compacted topic {@code news.subscriptions} (the Java view of
 * {@code subscription.v1.schema.json}). The record key is the id: a value whose id is not its key is refused,
 * and a null value (tombstone) deletes it ({@link SubscriptionRecords}, the rule every reader applies).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; 0 when read from a message written before the field existed
 * @param query         the editor query syntax (see the {@code editor-query} module)
 * @param topics        the article must also have one of these topic ids; empty = any
 * @param places        the article must also name one of these places (gazetteer ids); empty = any
 * @param owner         who saved it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemaVersion", "id", "name", "query", "topics", "places", "owner", "createdAt", "updatedAt"})
public record Subscription(int schemaVersion, String id, String name, String query, List<String> topics,
                           List<String> places, String owner, Instant createdAt, Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;

    public Subscription {
        topics = topics == null ? List.of() : List.copyOf(topics);
        places = places == null ? List.of() : List.copyOf(places);
    }

    /** A subscription of the current schema version. */
    public static Subscription of(String id, String name, String query, List<String> topics, List<String> places,
                                  String owner, Instant createdAt, Instant updatedAt) {
        return new Subscription(SCHEMA_VERSION, id, name, query, topics, places, owner, createdAt, updatedAt);
    }
}
