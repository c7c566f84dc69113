package org.newsroommonitor.ingest.api;

/**
 * The body of every error answer of ingest-service.
 *
 * @param error what went wrong, in plain words
 */
public record ErrorBody(String error) {
}
