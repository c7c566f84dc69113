package org.newsroommonitor.search.subscription;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.newsroommonitor.search.api.BadSearchRequestException;
import org.newsroommonitor.search.api.SearchParams;

import java.util.List;

/**
 * Body of {@code POST} and {@code PUT /api/subscriptions}: what an editor sets (id, times and owner are the
 * server's: the owner is the signed-in user; an {@code owner} in the body is ignored, as every unknown field).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscriptionRequest(String name, String query, List<String> topics, List<String> places) {

    static final int MAX_NAME = 200;
    static final int MAX_VALUES = 50;
    static final int MAX_QUERY = 1000;

    /** The request with trimmed values; 400 ({@link BadSearchRequestException}) when something is missing or invalid. */
    public SubscriptionRequest validated() {
        if (name == null || name.isBlank()) {
            throw new BadSearchRequestException("name is required");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new BadSearchRequestException("name is longer than " + MAX_NAME + " characters");
        }
        if (query == null || query.isBlank()) {
            throw new BadSearchRequestException("query is required (editor syntax, e.g. \"Lachin corridor\" OR Aghdam)");
        }
        try {
            SearchParams.parseQuery(query, MAX_QUERY);
        } catch (BadSearchRequestException e) {
            throw new BadSearchRequestException("query" + e.getMessage().substring(1));
        }
        return new SubscriptionRequest(name.strip(), query.strip(), values("topics", topics), values("places", places));
    }

    private static List<String> values(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_VALUES) {
            throw new BadSearchRequestException(field + " has more than " + MAX_VALUES + " values");
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.length() > MAX_NAME) {
                throw new BadSearchRequestException(field + " must hold non-empty ids of at most " + MAX_NAME + " characters");
            }
        }
        return values.stream().map(String::strip).distinct().toList();
    }
}
