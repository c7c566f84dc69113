package org.newsroommonitor.query;

/** An editor query that cannot be understood; the message says why, for the editor (answered with 400). */
public class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
