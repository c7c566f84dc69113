package org.newsroommonitor.classify.subscription;

/** A saved search whose query cannot be used; the message says why. */
public class InvalidSubscriptionException extends RuntimeException {

    public InvalidSubscriptionException(String message) {
        super(message);
    }
}
