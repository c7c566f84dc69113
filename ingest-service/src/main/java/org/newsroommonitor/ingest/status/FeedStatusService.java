package org.newsroommonitor.ingest.status;

import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.FeedStateStore;

import java.util.List;

/** How polling the feeds is going, as the admin API shows it, and the operator's resume of a paused feed. */
@ApplicationScoped
public class FeedStatusService {

    private final FeedRegistry registry;
    private final FeedStateStore states;

    public FeedStatusService(FeedRegistry registry, FeedStateStore states) {
        this.registry = registry;
        this.states = states;
    }

    /** Every registered feed with its status, in registry order. */
    public List<FeedStatus> statuses() {
        return registry.feeds().stream().map(this::status).toList();
    }

    public FeedStatus status(Feed feed) {
        return FeedStatus.of(feed, states.stateOf(feed));
    }

    /** Clears an automatic pause and the failure count: the feed is polled at the next tick. */
    public void resume(Feed feed) {
        states.save(states.stateOf(feed).resumed());
    }
}
