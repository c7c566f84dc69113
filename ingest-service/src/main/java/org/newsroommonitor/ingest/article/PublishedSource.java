package org.newsroommonitor.ingest.article;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an article's {@code published} instant came from ({@code publishedSource} on the wire). */
public enum PublishedSource {
    /** The entry's published date (RSS {@code pubDate}, Atom {@code published}, {@code dc:date}). */
    FEED_PUBLISHED("feed-published"),
    /** The entry's updated date, because it had no usable published date. */
    FEED_UPDATED("feed-updated"),
    /** When ingest-service first saw the entry, because the feed gave no date or only dates in the future. */
    FIRST_SEEN("first-seen");

    private final String wireName;

    PublishedSource(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
