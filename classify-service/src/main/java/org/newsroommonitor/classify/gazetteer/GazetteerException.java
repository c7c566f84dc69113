package org.newsroommonitor.classify.gazetteer;

/** A gazetteer file that cannot be read, or an entry in it that is not valid. */
public class GazetteerException extends RuntimeException {

    public GazetteerException(String message) {
        super(message);
    }

    public GazetteerException(String message, Throwable cause) {
        super(message, cause);
    }
}
