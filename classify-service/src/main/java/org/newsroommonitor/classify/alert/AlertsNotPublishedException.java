package org.newsroommonitor.classify.alert;

/** The broker did not accept an alert of an article (after the producer's retries). */
public final class AlertsNotPublishedException extends RuntimeException {

    public AlertsNotPublishedException(String articleId, Throwable cause) {
        super("alerts of article " + articleId + " not published: " + cause.getMessage(), cause);
    }
}
