package org.newsroommonitor.search.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleClassification;
import org.newsroommonitor.messages.ArticleSource;
import org.newsroommonitor.messages.ClassifiedArticle;
import org.newsroommonitor.messages.Organisation;
import org.newsroommonitor.messages.Place;
import org.newsroommonitor.messages.Topic;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code GET /api/articles/{id}}: the whole article as indexed. Text fields are plain text from untrusted
 * feeds, NOT escaped: render them as text.
 */
public record ArticleView(
        String id,
        long revision,
        String title,
        @Schema(nullable = true) String url,
        @Schema(nullable = true) String canonicalUrl,
        @Schema(description = "name of the first source", nullable = true) String source,
        List<ArticleSource> sources,
        Instant published,
        Instant firstSeen,
        @Schema(nullable = true) String language,
        List<String> authors,
        List<String> categories,
        String summary,
        String text,
        @Schema(description = "topics with score, matched terms and rule hits (field, start, end offsets)")
        List<Topic> topics,
        List<Place> places,
        List<Organisation> organisations,
        @Schema(nullable = true) String taxonomyVersion,
        @Schema(nullable = true) Instant classifiedAt) {

    public static ArticleView of(ClassifiedArticle classified) {
        Article a = classified.article();
        ArticleClassification c = classified.classification();
        return new ArticleView(a.id(), a.revision(), a.title(), a.url(), a.canonicalUrl(), a.sourceName(),
                a.sources(), a.published(), a.firstSeen(), a.language(), a.authors(), a.categories(), a.summary(),
                a.text(), c.topics(), c.places(), c.organisations(), c.taxonomyVersion(), c.classifiedAt());
    }
}
