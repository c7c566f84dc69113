package org.newsroommonitor.ingest.article;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link SeenArticles} in memory, for the tests that need no Kafka broker. */
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
