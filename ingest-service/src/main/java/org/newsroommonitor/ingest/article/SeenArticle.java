package org.newsroommonitor.ingest.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.newsroommonitor.messages.Article;
import org.newsroommonitor.messages.ArticleSource;

import java.time.Instant;
import java.util.List;

/**
 * What ingest-service remembers of an article it has published: enough to tell a repeat from an update, and the
 * feeds it was seen in.
 *
 * @param id          article id
 * @param revision    the last revision published
 * @param contentHash the content hash of that revision
 * @param firstSeen   when the article was first seen (kept across revisions)
 * @param sources     the feeds it was published with, first one first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeenArticle(String id, long revision, String contentHash, Instant firstSeen,
        List<ArticleSource> sources) {

    public SeenArticle {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static SeenArticle of(Article published) {
        return new SeenArticle(published.id(), published.revision(), published.contentHash(), published.firstSeen(),
                published.sources());
    }
}
