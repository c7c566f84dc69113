package org.newsroommonitor.ingest.statetopic;

import org.newsroommonitor.ingest.state.FeedState;
import org.newsroommonitor.ingest.state.FeedStateStore;

import java.util.Optional;

/** {@link FeedState}s in the state topic, under {@code feed:<feedId>}; the last one saved wins. */
final class KafkaFeedStateStore implements FeedStateStore {

    static final String PREFIX = "feed:";

    private final CompactedTopicView<FeedState> view;

    KafkaFeedStateStore(StateTopicWriter writer) {
        this.view = CompactedTopicView.lastWins(PREFIX, FeedState.class, writer);
    }

    KeySpace keySpace() {
        return view;
    }

    @Override
    public Optional<FeedState> get(String feedId) {
        return view.get(feedId);
    }

    @Override
    public void save(FeedState state) {
        view.put(state.feedId(), state);
    }

    @Override
    public void remove(String feedId) {
        view.remove(feedId);
    }
}
