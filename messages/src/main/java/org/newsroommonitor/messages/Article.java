package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * An article on {@code news.articles}: the Java view of {@code article.v1.schema.json}. ingest-service writes it;
 * classify-service and search-service read it (fields they do not know are ignored here, and passed on unchanged
 * by {@link ClassifiedArticle}).
 *
 * @param revision        1 when first published, incremented for every new version of the same article
 * @param publishedSource where {@code published} came from, one of {@link #PUBLISHED_FROM_FEED},
 *                        {@link #UPDATED_FROM_FEED}, {@link #FIRST_SEEN}
 * @param contentHash     SHA-256 (hex) of title, summary and text joined by newlines
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemaVersion", "id", "revision", "url", "canonicalUrl", "guid", "title", "summary", "text",
        "published", "publishedSource", "firstSeen", "language", "authors", "categories", "sources", "contentHash",
        "summaryHtml", "imageUrl", "enclosures"})
public record Article(
        int schemaVersion,
        String id,
        long revision,
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
        List<ArticleSource> sources,
        String contentHash,
        String summaryHtml,
        String imageUrl,
        List<Enclosure> enclosures) {

    /** The version of the article schema this record reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public static final String PUBLISHED_FROM_FEED = "feed-published";
    public static final String UPDATED_FROM_FEED = "feed-updated";
    public static final String FIRST_SEEN = "first-seen";

    public Article {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        sources = sources == null ? List.of() : List.copyOf(sources);
        summaryHtml = summaryHtml == null ? "" : summaryHtml;
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
    }

    /** This article listing {@code merged} as its sources. */
    public Article withSources(List<ArticleSource> merged) {
        return new Article(schemaVersion, id, revision, url, canonicalUrl, guid, title, summary, text, published,
                publishedSource, firstSeen, language, authors, categories, merged, contentHash, summaryHtml, imageUrl,
                enclosures);
    }

    /** This article as revision {@code newRevision}, first seen at {@code newFirstSeen} and published at {@code newPublished}. */
    public Article withRevision(long newRevision, Instant newPublished, Instant newFirstSeen) {
        return new Article(schemaVersion, id, newRevision, url, canonicalUrl, guid, title, summary, text, newPublished,
                publishedSource, newFirstSeen, language, authors, categories, sources, contentHash, summaryHtml,
                imageUrl, enclosures);
    }

    /** The name of the first source, or null. */
    public String sourceName() {
        return sources.isEmpty() ? null : sources.getFirst().name();
    }
}
