package org.newsroommonitor.ingest.article;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link SeenArticles} kept in memory: forgotten at restart, when every article is published again as revision 1
 * (consumers de-duplicate by id). The default until a persistent store replaces it.
 */
@ApplicationScoped
@DefaultBean
public class InMemorySeenArticles implements SeenArticles {

    private final ConcurrentMap<String, SeenArticle> articles = new ConcurrentHashMap<>();

    @Override
    public Optional<SeenArticle> find(String id) {
        return Optional.ofNullable(articles.get(id));
    }

    @Override
    public void remember(SeenArticle article) {
        articles.merge(article.id(), article,
                (known, offered) -> offered.revision() >= known.revision() ? offered : known);
    }

    @Override
    public long size() {
        return articles.size();
    }
}
