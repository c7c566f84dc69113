package org.newsroommonitor.classify.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.newsroommonitor.classify.subscription.SubscriptionMatcher;
import org.newsroommonitor.classify.subscription.SubscriptionsLoad;

/**
 * Ready once the saved searches that were in {@code news.subscriptions} at start-up are in force (articles are held
 * back until then), or once the wait for them was given up after {@code newsroom.classify.subscriptions-load-timeout}
 * ({@code state} {@code GAVE_UP}: ready, since articles are classified, but some saved searches may be missing).
 */
@Readiness
@ApplicationScoped
public class SubscriptionsHealthCheck implements HealthCheck {

    private final SubscriptionsLoad load;
    private final SubscriptionMatcher subscriptions;

    public SubscriptionsHealthCheck(SubscriptionsLoad load, SubscriptionMatcher subscriptions) {
        this.load = load;
        this.subscriptions = subscriptions;
    }

    @Override
    public HealthCheckResponse call() {
        SubscriptionsLoad.State state = load.state();
        return HealthCheckResponse.named("subscriptions")
                .status(state != SubscriptionsLoad.State.LOADING)
                .withData("state", state.name())
                .withData("savedSearches", subscriptions.size())
                .withData("recordsRead", load.recordsApplied())
                .withData("partitionsRemaining", load.partitionsRemaining())
                .withData("loadMillis", load.duration().toMillis())
                .build();
    }
}
