package org.newsroommonitor.search.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleClassification;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.Organisation;
import org.newsroommonitor.messages.Place;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /api/search}: the number of matching articles, one page of them, the cursor of the next page,
 * the facets and the date histogram.
 */
public record SearchResult(
        @Schema(description = "number of matching articles (exact)") long total,
        List<Hit> hits,
        @Schema(description = "pass as cursor= to get the next page; null when this page is the last",
                nullable = true) String cursor,
        @Schema(description = "q as understood, in SimpleQueryParser syntax (fully parenthesised); null without q",
                nullable = true) String query,
        @Schema(description = "facet name (topics, places, organisations, sources, languages) -> values, most "
                + "articles first; null with facets=false", nullable = true) Map<String, List<FacetValue>> facets,
        @Schema(description = "articles per interval of published; null with facets=false", nullable = true)
        Histogram histogram) {

    /** One article; {@code source} is the name of its first feed. */
    public record Hit(String id, String title, String url, String source, Instant published, String summary,
            List<Topic> topics,
            @Schema(description = "ISO 639-1 code or null", nullable = true) String language,
            List<Place> places,
            List<Organisation> organisations,
            Highlight highlight) {

        public static Hit of(ClassifiedArticle classified, Highlight highlight) {
            Article article = classified.article();
            ArticleClassification classification = classified.classification();
            List<Topic> topics = classification.topics().stream()
                    .map(t -> new Topic(t.id(), t.score(), t.matched()))
                    .toList();
            return new Hit(article.id(), article.title(), article.url(), article.sourceName(), article.published(),
                    article.summary(), topics, article.language(), classification.places(),
                    classification.organisations(), highlight == null ? Highlight.none(article.title()) : highlight);
        }
    }

    /** A topic of the article, with the words that made the classifier pick it. */
    public record Topic(String id, double score, List<String> matched) {
    }

    /**
     * Safe HTML: the text is HTML-escaped ({@code & < > " ' /}) and the only tags are {@code <mark>} and
     * {@code </mark>} around the words that matched.
     */
    public record Highlight(
            @Schema(description = "the whole title, escaped, with <mark> around matched words") String title,
            @Schema(description = "up to 3 fragments (about 160 characters) of the text, or else of the summary, "
                    + "that hold matched words; empty when only the title matched or without q") List<String> fragments) {

        public static Highlight none(String title) {
            return new Highlight(HtmlText.escape(title == null ? "" : title), List.of());
        }
    }

    /** One value of a facet: {@code value} is what to pass as filter, {@code label} what to show. */
    public record FacetValue(String value, String label, long count) {
    }

    /** {@code interval}: {@code hour}, {@code day}, ... or, with {@code interval=auto}, what Elasticsearch chose
     * ({@code 1h}, {@code 3h}, {@code 12h}, {@code 1d}, {@code 7d}, {@code 1M}, {@code 3M}, {@code 1y}, ...). */
    public record Histogram(String interval, List<Bucket> buckets) {
    }

    /** Articles published from {@code start} (inclusive) to the next bucket's start. */
    public record Bucket(Instant start, long count) {
    }
}
