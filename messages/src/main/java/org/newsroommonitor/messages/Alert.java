package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * An alert (the Java view of {@code alert.v1.schema.json}): an article matched a saved search
 * ({@code news.alerts}, keyed by subscription id) or was tagged with a topic ({@code news.alerts.<topic-id>},
 * keyed by article id, {@code subscriptionId} = {@code topic:<topic-id>}). Delivery is at least once: the pair
 * {@code subscriptionId} + {@code articleId} identifies an alert.
 *
 * @param schemaVersion    {@link #SCHEMA_VERSION}; 0 when read from a message written before the field existed
 * @param subscriptionName the saved search's name; the topic's label for topic alerts
 * @param matched          the words and phrases of the article that matched, as written
 * @param time             when the article was classified
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemaVersion", "subscriptionId", "subscriptionName", "articleId", "title", "url", "matched",
        "time"})
public record Alert(int schemaVersion, String subscriptionId, String subscriptionName, String articleId, String title,
                    String url, List<String> matched, Instant time) {

    public static final int SCHEMA_VERSION = 1;

    /** Prefix of {@code subscriptionId} for topic alerts. */
    public static final String TOPIC_PREFIX = "topic:";

    public Alert {
        matched = matched == null ? List.of() : List.copyOf(matched);
    }

    /** An alert of the current schema version. */
    public static Alert of(String subscriptionId, String subscriptionName, String articleId, String title, String url,
                           List<String> matched, Instant time) {
        return new Alert(SCHEMA_VERSION, subscriptionId, subscriptionName, articleId, title, url, matched, time);
    }
}
