package org.newsroommonitor.classify.api;

/** The body of every error answer of classify-service: {@code {"error": "why"}}. */
public record ErrorBody(String error) {
}
