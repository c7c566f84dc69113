package org.newsroommonitor.search.alert;

import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.Alert;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.search.subscription.SubscriptionView;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class AlertAudienceTest {

    private final SubscriptionView view = new SubscriptionView();
    private final AlertAudience audience = new AlertAudience(view);

    @Test
    void anEditorReceivesTheAlertsOfTheirOwnSavedSearchesOnly() {
        save("mine", "editor");
        save("theirs", "other-editor");
        Predicate<Alert> editor = audience.of("editor", false);
        assertThat(editor.test(alert("mine"))).isTrue();
        assertThat(editor.test(alert("theirs"))).isFalse();
        assertThat(editor.test(alert("unknown"))).isFalse();
    }

    @Test
    void theAdminReceivesEveryAlertAlsoOfSavedSearchesNotKnownHere() {
        save("theirs", "other-editor");
        Predicate<Alert> admin = audience.of("admin", true);
        assertThat(admin.test(alert("theirs"))).isTrue();
        assertThat(admin.test(alert("unknown"))).isTrue();
    }

    @Test
    void theDecisionIsMadeWhenTheAlertArrivesSoLaterChangesCount() {
        Predicate<Alert> editor = audience.of("editor", false);
        assertThat(editor.test(alert("later"))).isFalse();
        save("later", "editor");
        assertThat(editor.test(alert("later"))).isTrue();
        view.delete("later", new SubscriptionView.Position(0, 10));
        assertThat(editor.test(alert("later"))).isFalse();
    }

    @Test
    void aSavedSearchWithoutOwnerBelongsToNoEditor() {
        save("ownerless", null);
        assertThat(audience.of("editor", false).test(alert("ownerless"))).isFalse();
    }

    private void save(String id, String owner) {
        view.put(Subscription.of(id, id, "convoy", List.of(), List.of(), owner, Instant.EPOCH, Instant.EPOCH),
                new SubscriptionView.Position(0, 1));
    }

    private static Alert alert(String subscription) {
        return Alert.of(subscription, "name", "article-1", "title", "https://example.org/a", List.of("convoy"),
                Instant.EPOCH);
    }
}
