package org.newsroommonitor.ingest.article;

import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.messages.Article;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which articles read from a feed are published, and as which revision: each is looked up among the
 * articles published before ({@link SeenArticles}) and judged by {@link ArticleRevisions}.
 */
@ApplicationScoped
public class PublishDecision {

    private final SeenArticles seen;

    public PublishDecision(SeenArticles seen) {
        this.seen = seen;
    }

    /** The articles of {@code read} that are new or changed, as the revisions to publish, in the same order. */
    public List<Article> toPublish(List<Article> read) {
        List<Article> toPublish = new ArrayList<>();
        for (Article article : read) {
            ArticleRevisions.toPublish(seen.find(article.id()), article).ifPresent(toPublish::add);
        }
        return toPublish;
    }
}
