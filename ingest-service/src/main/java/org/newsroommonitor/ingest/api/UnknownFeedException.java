package org.newsroommonitor.ingest.api;

/** No feed has the id asked for: answered 404 by {@link IngestErrorMappers}. */
public class UnknownFeedException extends RuntimeException {

    public UnknownFeedException(String id) {
        super("no feed with id " + id, null, false, false);
    }
}
