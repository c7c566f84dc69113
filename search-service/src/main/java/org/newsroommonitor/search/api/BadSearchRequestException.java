package org.newsroommonitor.search.api;

/**
 * A search request with an invalid parameter; answered with 400 and {@code {"error": message}}
 * ({@link SearchErrorMappers}).
 */
public class BadSearchRequestException extends RuntimeException {

    public BadSearchRequestException(String message) {
        super(message);
    }
}
