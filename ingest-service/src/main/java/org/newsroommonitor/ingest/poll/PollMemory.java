package org.newsroommonitor.ingest.poll;

import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.ingest.article.SeenArticle;
import org.newsroommonitor.ingest.article.SeenArticles;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.FeedState;
import org.newsroommonitor.ingest.state.FeedStateStore;
import org.newsroommonitor.messages.Article;

import java.util.List;

/**
 * What polls read and leave behind: a feed's {@link FeedState} before the poll and after it, and the articles Kafka
 * confirmed, remembered so that the next poll publishes only what is new or changed.
 */
@ApplicationScoped
public class PollMemory {

    private final FeedStateStore states;
    private final SeenArticles seen;
    private final FeedRegistry registry;

    public PollMemory(FeedStateStore states, SeenArticles seen, FeedRegistry registry) {
        this.states = states;
        this.seen = seen;
        this.registry = registry;
    }

    public FeedState stateOf(Feed feed) {
        return states.stateOf(feed);
    }

    /** Remembers articles Kafka confirmed; only those, so that one it did not is published again next time. */
    public void rememberPublished(List<Article> confirmed) {
        confirmed.forEach(article -> seen.remember(SeenArticle.of(article)));
    }

    /** Keeps the state a poll ended with, unless the feed was removed from the registry meanwhile. */
    public void rememberState(Feed feed, FeedState state) {
        if (registry.find(feed.id()).isPresent()) {
            states.save(state);
        }
    }
}
