package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * An article as read from {@code news.articles} (see docs/messages.md, "Article"). Fields this service does not
 * know are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemaVersion", "id", "revision", "url", "canonicalUrl", "guid", "title", "summary", "text",
        "published", "publishedSource", "firstSeen", "language", "authors", "categories", "sources", "contentHash",
        "summaryHtml", "imageUrl", "enclosures"})
public record ArticleMessage(
        int schemaVersion,
        String id,
        int revision,
        String url,
        String canonicalUrl,
        String guid,
        String title,
        String summary,
        String text,
        Instant published,
        String publishedSource,
        Instant firstSeen,
        String language,
        List<String> authors,
        List<String> categories,
        List<Source> sources,
        String contentHash,
        String summaryHtml,
        String imageUrl,
        List<Enclosure> enclosures) {

    /** Media attached to the entry; carried through unchanged. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"url", "type", "length"})
    public record Enclosure(String url, String type, long length) {
    }

    /** A feed the article was seen in. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"feedUrl", "name", "siteUrl"})
    public record Source(String feedUrl, String name, String siteUrl) {
    }
}
