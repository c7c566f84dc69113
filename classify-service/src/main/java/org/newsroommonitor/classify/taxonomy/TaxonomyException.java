package org.newsroommonitor.classify.taxonomy;

/** A taxonomy file that cannot be read, or a topic or rule in it that is not valid. */
public class TaxonomyException extends RuntimeException {

    public TaxonomyException(String message) {
        super(message);
    }

    public TaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
