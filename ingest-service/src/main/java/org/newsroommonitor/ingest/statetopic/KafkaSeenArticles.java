package org.newsroommonitor.ingest.statetopic;

import org.newsroommonitor.ingest.article.SeenArticle;
import org.newsroommonitor.ingest.article.SeenArticles;

import java.util.Optional;

/** The published articles in the state topic, under {@code article:<articleId>}; the highest revision wins. */
final class KafkaSeenArticles implements SeenArticles {

    static final String PREFIX = "article:";

    private final CompactedTopicView<SeenArticle> view;

    KafkaSeenArticles(StateTopicWriter writer) {
        this.view = new CompactedTopicView<>(PREFIX, SeenArticle.class,
                (known, offered) -> offered.revision() >= known.revision() ? offered : known, writer);
    }

    KeySpace keySpace() {
        return view;
    }

    @Override
    public Optional<SeenArticle> find(String id) {
        return view.get(id);
    }

    @Override
    public void remember(SeenArticle article) {
        view.put(article.id(), article);
    }

    @Override
    public long size() {
        return view.size();
    }
}
