package org.newsroommonitor.classify.subscription;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * A saved search as read from {@code news.subscriptions} (see docs/messages.md, "Subscription"); the record key
 * is the id, a null value deletes it.
 *
 * @param id        subscription id (the record key)
 * @param name      display name, copied into alerts
 * @param query     the search API's {@code q} syntax: words (AND by default), "phrases", AND / OR / NOT (upper
 *                  case) or + | -, prefix*, parentheses
 * @param topics    optional: the article must also have one of these topic ids
 * @param places    optional: the article must also name one of these places (gazetteer ids)
 * @param owner     who saved it
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "name", "query", "topics", "places", "owner", "createdAt", "updatedAt"})
public record Subscription(String id, String name, String query, List<String> topics, List<String> places,
                           String owner, Instant createdAt, Instant updatedAt) {

    public Subscription {
        topics = topics == null ? List.of() : List.copyOf(topics);
        places = places == null ? List.of() : List.copyOf(places);
    }

    /** The same subscription with another id. */
    public Subscription withId(String newId) {
        return new Subscription(newId, name, query, topics, places, owner, createdAt, updatedAt);
    }
}
