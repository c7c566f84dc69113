package org.newsroommonitor.search.index;

/** Elasticsearch kept failing transiently for every attempt; the messages must not be acknowledged. */
public class IndexingFailedException extends RuntimeException {

    public IndexingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
