package org.newsroommonitor.edges;

/**
 * The body of every error answer of every service: {@code {"error": "why"}}.
 *
 * @param error what went wrong, in plain words
 */
public record ErrorBody(String error) {
}
