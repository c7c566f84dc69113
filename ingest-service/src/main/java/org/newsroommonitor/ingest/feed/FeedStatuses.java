package org.newsroommonitor.ingest.feed;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The latest {@link FeedStatus} of every feed polled, by feed URL; in memory. */
@ApplicationScoped
public class FeedStatuses {

    private final ConcurrentMap<String, FeedStatus> statuses = new ConcurrentHashMap<>();

    public Optional<FeedStatus> get(String url) {
        return Optional.ofNullable(statuses.get(url));
    }

    public void put(FeedStatus status) {
        statuses.put(status.url(), status);
    }
}
