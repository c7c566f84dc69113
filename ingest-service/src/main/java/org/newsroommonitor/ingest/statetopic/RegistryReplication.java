package org.newsroommonitor.ingest.statetopic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.FeedStateStore;

/**
 * Shares the feeds added, changed or removed through the API with the other replicas, and replays them at start:
 * each change of the registry is written under {@code registry:<feedId>}, and each such record read is applied to
 * the registry without being announced again. The state of a removed feed is removed with it.
 */
final class RegistryReplication implements KeySpace {

    static final String PREFIX = "registry:";

    private final FeedRegistry registry;
    private final StateTopicWriter writer;
    private final FeedStateStore states;

    /** A registry change as kept under {@code registry:<feedId>}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegistryRecord(Feed feed, boolean removed) {
    }

    RegistryReplication(FeedRegistry registry, StateTopicWriter writer, FeedStateStore states) {
        this.registry = registry;
        this.writer = writer;
        this.states = states;
        registry.addListener(this::changed);
    }

    private void changed(FeedRegistry.Change change) {
        writer.write(PREFIX + change.feed().id(), new RegistryRecord(change.feed(), change.removed()));
        if (change.removed()) {
            states.remove(change.feed().id());
        }
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public void apply(String feedId, String json) throws Exception {
        if (json != null) {
            RegistryRecord change = StateJson.read(json, RegistryRecord.class);
            registry.apply(new FeedRegistry.Change(change.feed(), change.removed()));
        }
    }
}
