package org.newsroommonitor.ingest.api;

/**
 * A request body the endpoint cannot use, with the reason in plain words: answered 400 by {@link IngestErrorMappers}.
 */
public class InvalidBodyException extends RuntimeException {

    public InvalidBodyException(String message) {
        super(message, null, false, false);
    }
}
