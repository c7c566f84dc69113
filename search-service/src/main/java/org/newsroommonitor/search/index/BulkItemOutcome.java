package org.newsroommonitor.search.index;

/** What one item of a bulk response means for the message it came from. */
public enum BulkItemOutcome {
    /** Written (201 created or 200 updated). */
    INDEXED,
    /** 409 version conflict: the index already holds this or a newer revision; nothing to do. */
    STALE,
    /** Worth retrying: 429, 5xx, or the alias does not exist yet (404). */
    TRANSIENT,
    /** Elasticsearch refuses this document for good (other 4xx, e.g. mapping errors): dead-letter it. */
    REJECTED;

    public static BulkItemOutcome of(int status, String errorType) {
        if (status >= 200 && status < 300) {
            return INDEXED;
        }
        if (status == 409 && "version_conflict_engine_exception".equals(errorType)) {
            return STALE;
        }
        if (status == 429 || status >= 500 || status == 404 || status == 408) {
            return TRANSIENT;
        }
        return REJECTED;
    }
}
