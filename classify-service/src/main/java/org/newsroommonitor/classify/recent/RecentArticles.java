package org.newsroommonitor.classify.recent;

import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.classify.config.ClassifyConfig;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last {@code newsroom.classify.recent-articles} articles this instance classified (title, summary, text),
 * newest last, kept in memory so that a rule change can be tried on them ({@code POST /api/rules/test}). Each
 * replica keeps the articles of its own partitions; the buffer is empty after a restart.
 */
@ApplicationScoped
public class RecentArticles {

    private final int capacity;
    private final Deque<ArticleText> articles = new ArrayDeque<>();

    @jakarta.inject.Inject
    public RecentArticles(ClassifyConfig config) {
        this(config.recentArticles());
    }

    public RecentArticles(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    public synchronized void add(ArticleText article) {
        if (capacity == 0) {
            return;
        }
        articles.removeIf(existing -> existing.id().equals(article.id())); // a new revision replaces the old one
        while (articles.size() >= capacity) {
            articles.removeFirst();
        }
        articles.addLast(article);
    }

    /** The newest {@code n} articles, oldest first. */
    public synchronized List<ArticleText> last(int n) {
        List<ArticleText> all = new ArrayList<>(articles);
        return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()));
    }

    public int capacity() {
        return capacity;
    }
}
