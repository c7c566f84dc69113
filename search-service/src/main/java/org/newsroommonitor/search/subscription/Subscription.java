package org.newsroommonitor.search.subscription;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * A saved search: a message of the compacted topic {@code news.subscriptions} (docs/messages.md, "Subscription";
 * key = {@link #id}; a null value, a tombstone, deletes it) and the body of the {@code /api/subscriptions}
 * endpoints. classify-service matches every classified article against {@link #query} (editor syntax, see
 * {@code EditorQuery}) and the {@link #topics} and {@link #places} filters, and publishes alerts to
 * {@code news.alerts}.
 *
 * @param topics topic ids, the article must have one of them (empty: any)
 * @param places gazetteer place ids, the article must name one of them (empty: any)
 * @param owner  free text identifying who saved it (e.g. an editor's name or e-mail), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subscription(String id, String name, String query, List<String> topics, List<String> places,
        String owner, Instant createdAt, Instant updatedAt) {

    public Subscription {
        topics = topics == null ? List.of() : List.copyOf(topics);
        places = places == null ? List.of() : List.copyOf(places);
    }
}
