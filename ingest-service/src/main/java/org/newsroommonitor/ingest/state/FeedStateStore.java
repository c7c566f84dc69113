package org.newsroommonitor.ingest.state;

import java.util.Optional;

/**
 * Where {@link FeedState} is kept, by feed id. Implementations must be safe for concurrent use.
 */
public interface FeedStateStore {

    Optional<FeedState> get(String feedId);

    void save(FeedState state);

    void remove(String feedId);
}
