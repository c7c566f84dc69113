package org.newsroommonitor.ingest.parse;

/** A fetched document that is not a readable RSS/Atom feed; the message says why in plain words. */
public class FeedParseException extends Exception {
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
