package org.newsroommonitor.search.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroommonitor.search.messaging.ClassifiedArticle;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code GET /api/articles/{id}}: the whole article as indexed. Text fields are plain text from untrusted
 * feeds, NOT escaped: render them as text.
 */
public record ArticleView(
        String id,
        Long revision,
        String title,
        @Schema(nullable = true) String url,
        @Schema(nullable = true) String canonicalUrl,
        @Schema(description = "name of the first source", nullable = true) String source,
        List<ClassifiedArticle.Source> sources,
        Instant published,
        Instant firstSeen,
        @Schema(nullable = true) String language,
        List<String> authors,
        List<String> categories,
        String summary,
        String text,
        @Schema(description = "topics with score, matched terms and rule hits (field, start, end offsets)")
        List<ClassifiedArticle.Topic> topics,
        List<ClassifiedArticle.Place> places,
        List<ClassifiedArticle.Organisation> organisations,
        @Schema(nullable = true) String taxonomyVersion,
        @Schema(nullable = true) Instant classifiedAt) {

    public static ArticleView of(ClassifiedArticle a) {
        return new ArticleView(a.id(), a.revision(), a.title(), a.url(), a.canonicalUrl(), a.sourceName(),
                a.sources() == null ? List.of() : a.sources(), a.published(), a.firstSeen(), a.language(),
                a.authors() == null ? List.of() : a.authors(), a.categories() == null ? List.of() : a.categories(),
                a.summary(), a.text(), a.topics() == null ? List.of() : a.topics(), a.placeList(),
                a.organisationList(), a.taxonomyVersion(), a.classifiedAt());
    }
}
