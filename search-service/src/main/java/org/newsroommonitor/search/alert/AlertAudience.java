package org.newsroommonitor.search.alert;

import jakarta.enterprise.context.ApplicationScoped;
import org.newsroommonitor.messages.Alert;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.search.subscription.SubscriptionView;

import java.util.function.Predicate;

/**
 * Who receives which alert: an alert belongs to the owner of the saved search that matched, so an editor gets the
 * alerts of their own saved searches only and the admin gets every one. An alert of a saved search this instance does
 * not know (deleted, or not read yet from {@code news.subscriptions}) goes to the admin only.
 */
@ApplicationScoped
public class AlertAudience {

    private final SubscriptionView subscriptions;

    public AlertAudience(SubscriptionView subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * The alerts {@code user} may receive, decided per alert when it arrives (a saved search made after the stream
     * opened counts). Takes plain values, not the request's identity, because it is applied after the request ended.
     *
     * @param user  the signed-in user's name
     * @param admin whether that user has the admin role
     */
    public Predicate<Alert> of(String user, boolean admin) {
        if (admin) {
            return alert -> true;
        }
        return alert -> subscriptions.get(alert.subscriptionId()).map(Subscription::owner)
                .filter(user::equals).isPresent();
    }
}
