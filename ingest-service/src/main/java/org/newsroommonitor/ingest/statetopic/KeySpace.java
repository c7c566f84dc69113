package org.newsroommonitor.ingest.statetopic;

/** The records of a compacted topic whose keys start with one prefix, as {@link CompactedTopicReader} hands them on. */
interface KeySpace {

    /** The key prefix, such as {@code feed:}. */
    String prefix();

    /**
     * Takes in the record under {@code prefix() + id}.
     *
     * @param json the value, or {@code null} when the key was deleted (a tombstone)
     * @throws Exception when the value cannot be read; the reader logs it and skips the record
     */
    void apply(String id, String json) throws Exception;
}
