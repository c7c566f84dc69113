package org.newsroommonitor.ingest.article;

import java.time.Instant;

/**
 * What ingest-service remembers of an article it has published: enough to tell a repeat from an update.
 *
 * @param id          article id
 * @param revision    the last revision published
 * @param contentHash the content hash of that revision
 * @param firstSeen   when the article was first seen (kept across revisions)
 */
public record SeenArticle(String id, int revision, String contentHash, Instant firstSeen) {

    public static SeenArticle of(ArticleMessage published) {
        return new SeenArticle(published.id(), published.revision(), published.contentHash(), published.firstSeen());
    }
}
