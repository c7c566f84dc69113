package org.newsroommonitor.classify.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * An alert (see docs/messages.md, "Alert"): an article matched a saved search ({@code news.alerts}, keyed by
 * subscription id), or was tagged with a topic ({@code news.alerts.<topic-id>}, keyed by article id, with
 * {@code subscriptionId} = {@code topic:<topic-id>} and the topic's label as {@code subscriptionName}).
 *
 * @param matched the words and phrases of the article that matched, as written
 * @param time    when the article was classified
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"subscriptionId", "subscriptionName", "articleId", "title", "url", "matched", "time"})
public record Alert(String subscriptionId, String subscriptionName, String articleId, String title, String url,
                    List<String> matched, Instant time) {

    /** Prefix of {@code subscriptionId} for topic alerts. */
    public static final String TOPIC_PREFIX = "topic:";

    public Alert {
        matched = matched == null ? List.of() : List.copyOf(matched);
    }
}
