package org.newsroommonitor.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.ingest.state.FeedOwnership;
import org.newsroommonitor.ingest.statetopic.FeedStateTopic;

/**
 * Readiness {@code feed-state}: UP once the feed state has been read from Kafka and this replica knows which
 * feeds are its own; shows how many feeds are registered and polled here. (Kafka itself is checked by the
 * messaging readiness check of the {@code articles} channel.)
 */
@Readiness
@ApplicationScoped
public class FeedStateReadiness implements HealthCheck {

    private final FeedOwnership ownership;
    private final FeedStateTopic stateTopic;
    private final FeedRegistry registry;

    public FeedStateReadiness(FeedOwnership ownership, FeedStateTopic stateTopic, FeedRegistry registry) {
        this.ownership = ownership;
        this.stateTopic = stateTopic;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        long owned = registry.feeds().stream().map(Feed::id).filter(ownership::owns).count();
        return HealthCheckResponse.named("feed-state")
                .status(ownership.ready())
                .withData("feeds", registry.feeds().size())
                .withData("feedsPolledHere", owned)
                .withData("statePartitionsOwned", stateTopic.ownedPartitions().toString())
                .build();
    }
}
