package org.newsroommonitor.search.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * A message of {@code news.alerts} (produced by classify-service, key = subscription id): an article matched a
 * saved search. See docs/messages.md, "Alert". Streamed unchanged (known fields only) to {@code GET /api/alerts/stream}.
 *
 * @param subscriptionName the saved search's name (for topic alerts, the topic's label)
 * @param matched the words and phrases of the article that matched
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(String subscriptionId, String subscriptionName, String articleId, String title, String url, List<String> matched,
        Instant time) {

    public Alert {
        matched = matched == null ? List.of() : List.copyOf(matched);
    }
}
