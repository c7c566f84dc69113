package org.newsroommonitor.search.api;

/** The body of every error answer of search-service: {@code {"error": "why"}}. */
public record ErrorBody(String error) {
}
