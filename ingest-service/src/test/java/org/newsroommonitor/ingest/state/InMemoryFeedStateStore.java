package org.newsroommonitor.ingest.state;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link FeedStateStore} in memory, for the tests that need no Kafka broker. */
public class InMemoryFeedStateStore implements FeedStateStore {

    private final ConcurrentMap<String, FeedState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<FeedState> get(String feedId) {
        return Optional.ofNullable(states.get(feedId));
    }

    @Override
    public void save(FeedState state) {
        states.put(state.feedId(), state);
    }

    @Override
    public void remove(String feedId) {
        states.remove(feedId);
    }
}
