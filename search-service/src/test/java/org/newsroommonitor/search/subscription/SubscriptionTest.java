package org.newsroommonitor.search.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.messages.Subscription;
import org.newsroommonitor.search.RepoFiles;
import org.newsroommonitor.search.api.BadSearchRequestException;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionTest {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void readsTheDocsExampleAndWritesItBackUnchanged() throws Exception {
        byte[] json = Files.readAllBytes(RepoFiles.message("subscription.json"));
        Subscription subscription = MAPPER.readValue(json, Subscription.class);
        assertThat(subscription.id()).isEqualTo("3f2b9c1e-lachin-aid");
        assertThat(subscription.topics()).containsExactly("humanitarian-aid");
        assertThat(subscription.updatedAt()).isEqualTo(Instant.parse("2023-09-11T16:30:00Z"));
        // the example's query is valid editor syntax
        new SubscriptionRequest(subscription.name(), subscription.query(), subscription.topics(), subscription.places())
                .validated();
        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(subscription));
        assertThat(written).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void requestsAreValidatedAndTrimmed() {
        SubscriptionRequest ok = new SubscriptionRequest(" Convoys ", " aid OR convoy ", List.of(" blockade ", "blockade"),
                null).validated();
        assertThat(ok).isEqualTo(new SubscriptionRequest("Convoys", "aid OR convoy", List.of("blockade"), List.of()));
        assertThatThrownBy(() -> new SubscriptionRequest(null, "aid", null, null).validated())
                .isInstanceOf(BadSearchRequestException.class).hasMessage("name is required");
        assertThatThrownBy(() -> new SubscriptionRequest("x", " ", null, null).validated())
                .hasMessageStartingWith("query is required");
        assertThatThrownBy(() -> new SubscriptionRequest("x", "\"Lachin", null, null).validated())
                .hasMessageStartingWith("query: ").hasMessageContaining("quote");
        assertThatThrownBy(() -> new SubscriptionRequest("x", "aid", List.of(""), null).validated())
                .hasMessageContaining("topics");
    }

    @Test
    void theViewFollowsTheTopicsOrderNotTheTimes() {
        SubscriptionView view = new SubscriptionView();
        Instant t = Instant.parse("2023-09-12T15:00:00Z");
        Subscription v1 = Subscription.of("s", "one", "a", null, null, null, t, t);
        Subscription v2 = Subscription.of("s", "two", "a", null, null, null, t, t.plusSeconds(5));
        Subscription v3 = Subscription.of("s", "three", "a", null, null, null, t, t.minusSeconds(60));
        // this instance wrote v2 at offset 7; the lagging consumer then reads older records of s: v2 stays
        view.put(v2, position(7));
        view.put(v1, position(3));
        view.delete("s", position(4));
        assertThat(view.get("s")).contains(v2);
        view.put(v2, position(7));      // the consumer reaches this instance's own write
        assertThat(view.get("s")).contains(v2);
        // later records count whatever their updatedAt: a save with an older clock, then a tombstone
        view.put(v3, position(8));
        assertThat(view.get("s")).contains(v3);
        view.delete("s", position(9));
        assertThat(view.get("s")).isEmpty();
        view.put(v2, position(7));
        assertThat(view.get("s")).isEmpty();
        // a position the broker did not report never holds back what is read from the topic
        view.put(v1, SubscriptionView.Position.UNKNOWN);
        view.put(v3, position(2));
        assertThat(view.get("s")).contains(v3);
        // another partition (the topic was repartitioned): the record read last counts
        view.put(v1, new SubscriptionView.Position(1, 0));
        assertThat(view.get("s")).contains(v1);

        view.put(Subscription.of("b", "b", "b", null, null, "ann", t.plusSeconds(1), t), position(0));
        view.put(Subscription.of("a", "a", "a", null, null, "bob", t, t), position(1));
        assertThat(view.all(null)).extracting(Subscription::id).containsExactly("a", "s", "b");
        assertThat(view.all("ann")).extracting(Subscription::id).containsExactly("b");
    }

    private static SubscriptionView.Position position(long offset) {
        return new SubscriptionView.Position(0, offset);
    }
}
