package org.newsroommonitor.ingest.state;

import org.newsroommonitor.ingest.registry.Feed;

import java.util.Optional;

/**
 * Where {@link FeedState} is kept, by feed id. Implementations must be safe for concurrent use.
 */
public interface FeedStateStore {

    Optional<FeedState> get(String feedId);

    void save(FeedState state);

    void remove(String feedId);

    /** The state of {@code feed}: as kept, or {@link FeedState#initial} for a feed never polled. */
    default FeedState stateOf(Feed feed) {
        return get(feed.id()).orElseGet(() -> FeedState.initial(feed.id(), feed.url()));
    }
}
