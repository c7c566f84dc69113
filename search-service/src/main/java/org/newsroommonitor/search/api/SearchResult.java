package org.newsroommonitor.search.api;

import org.newsroommonitor.search.messaging.ClassifiedArticle;

import java.time.Instant;
import java.util.List;

/** Body of {@code GET /api/search}: the number of matching articles and the first {@code size} of them. */
public record SearchResult(long total, List<Hit> hits) {

    /** One article; {@code source} is the name of its first feed. */
    public record Hit(String id, String title, String url, String source, Instant published, String summary,
            List<Topic> topics) {

        static Hit of(ClassifiedArticle article) {
            List<Topic> topics = article.topics() == null ? List.of()
                    : article.topics().stream()
                            .map(t -> new Topic(t.id(), t.score(), t.matched() == null ? List.of() : t.matched()))
                            .toList();
            return new Hit(article.id(), article.title(), article.url(), article.sourceName(), article.published(),
                    article.summary(), topics);
        }
    }

    /** A topic of the article, with the words that made the classifier pick it. */
    public record Topic(String id, Double score, List<String> matched) {
    }
}
