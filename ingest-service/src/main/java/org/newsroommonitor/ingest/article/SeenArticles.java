package org.newsroommonitor.ingest.article;

import java.util.Optional;

/**
 * The articles already published, by id. Only articles whose publication Kafka has confirmed are remembered, so
 * an article whose send failed is found "new" again on the next poll and retried. Implementations must be safe for
 * concurrent use.
 */
public interface SeenArticles {

    Optional<SeenArticle> find(String id);

    /** Remembers {@code article} unless a higher revision of it is already known. */
    void remember(SeenArticle article);

    /** Number of articles remembered. */
    long size();
}
