package org.newsroommonitor.classify.subscription;

import org.newsroommonitor.messages.Subscription;

import java.util.List;

/**
 * A saved search an article matched.
 *
 * @param subscription the saved search
 * @param matched      the distinct words and phrases of the article that matched its query, as written, in field
 *                     order (title, summary, text) then text order; empty for a query that matches everything
 */
public record SubscriptionMatch(Subscription subscription, List<String> matched) {

    public SubscriptionMatch {
        matched = List.copyOf(matched);
    }
}
