package org.newsroommonitor.search.api;

/**
 * Elasticsearch is down or the index is not ready; answered with 503 and {@code {"error": message}}
 * ({@link SearchErrorMappers}).
 */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message) {
        super(message);
    }
}
