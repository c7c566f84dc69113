package org.newsroommonitor.ingest.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * An article as published on {@code news.articles}; field names and meaning are those of {@code docs/messages.md}
 * and {@code docs/messages/article.json}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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
        PublishedSource publishedSource,
        Instant firstSeen,
        String language,
        List<String> authors,
        List<String> categories,
        List<ArticleSource> sources,
        String contentHash,
        String summaryHtml,
        String imageUrl,
        List<Enclosure> enclosures) {

    public static final int SCHEMA_VERSION = 1;

    public ArticleMessage {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        sources = sources == null ? List.of() : List.copyOf(sources);
        summaryHtml = summaryHtml == null ? "" : summaryHtml;
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    }

    /**
     * A media file attached to the entry (RSS {@code enclosure}, Atom {@code link rel="enclosure"}).
     *
     * @param url    absolute URL
     * @param type   MIME type as the feed gave it, or {@code null}
     * @param length size in bytes as the feed gave it, {@code 0} when unknown
     */
    public record Enclosure(String url, String type, long length) {
    }

    /** This article listing {@code merged} as its sources. */
    public ArticleMessage withSources(List<ArticleSource> merged) {
        return new ArticleMessage(schemaVersion, id, revision, url, canonicalUrl, guid, title, summary, text,
                published, publishedSource, firstSeen, language, authors, categories, merged, contentHash,
                summaryHtml, imageUrl, enclosures);
    }

    /** SHA-256 (hex) of title, summary and text joined by newlines: the {@code contentHash} of the contract. */
    public static String contentHashOf(String title, String summary, String text) {
        return ArticleId.Sha256.hex(title + "\n" + summary + "\n" + text);
    }

    /**
     * This article as revision {@code revision} of one first seen at {@code originalFirstSeen}: keeps the original
     * {@code firstSeen}, and when {@code published} came from the first sighting, that one as well.
     */
    public ArticleMessage asRevision(int revision, Instant originalFirstSeen) {
        Instant keptPublished = publishedSource == PublishedSource.FIRST_SEEN ? originalFirstSeen : published;
        return new ArticleMessage(schemaVersion, id, revision, url, canonicalUrl, guid, title, summary, text,
                keptPublished, publishedSource, originalFirstSeen, language, authors, categories, sources,
                contentHash, summaryHtml, imageUrl, enclosures);
    }
}
