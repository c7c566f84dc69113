package org.newsroommonitor.ingest.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.FixtureFeedServer;
import org.newsroommonitor.ingest.IngestTestResource;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;
import org.newsroommonitor.localstack.TestTokens;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.newsroommonitor.localstack.TestTokens.ADMIN;
import static org.newsroommonitor.localstack.TestTokens.EDITOR;
import static org.newsroommonitor.localstack.TestTokens.asTokenAdmin;
import static org.newsroommonitor.localstack.TestTokens.asTokenEditor;
import static org.newsroommonitor.localstack.TestTokens.bearer;
import static org.newsroommonitor.localstack.TestUsers.asEditor;

/**
 * The feed API with OIDC on (a test profile trusting a key made at test time, deploy/local's {@link TestTokens}):
 * an admin token changes feeds, an editor token reads and is refused changes with 403, and an expired token, one of
 * another issuer, for another audience or signed by another key is refused with 401 {@code {"error"}}. The
 * embedded users keep working beside the tokens.
 */
@QuarkusTest
@TestProfile(FeedTokenTest.Oidc.class)
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = false)
class FeedTokenTest {

    /** OIDC bearer tokens switched on. */
    public static class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestTokens.oidcConfig();
        }
    }

    private final FeedRegistry registry;

    FeedTokenTest(FeedRegistry registry) {
        this.registry = registry;
    }

    @AfterEach
    void removeAddedFeeds() {
        registry.feeds().stream().filter(feed -> !feed.origin().equals("env"))
                .forEach(feed -> registry.remove(feed.id()));
    }

    private static String newFeed() {
        return "{\"url\": \"" + FixtureFeedServer.url("/feeds/other.rss") + "\"}";
    }

    @Test
    void anAdminTokenChangesFeeds() {
        String id = Feed.idOf(FixtureFeedServer.url("/feeds/other.rss"));
        asTokenAdmin().contentType(ContentType.JSON).body(newFeed())
                .when().post("/api/feeds").then().statusCode(201).body("id", equalTo(id));
        asTokenAdmin().contentType(ContentType.JSON).body("{\"paused\": true}")
                .when().patch("/api/feeds/" + id).then().statusCode(200).body("paused", equalTo(true));
        asTokenAdmin().when().delete("/api/feeds/" + id).then().statusCode(204);
    }

    @Test
    void anEditorTokenReadsButDoesNotChange() {
        asTokenEditor().when().get("/api/feeds").then().statusCode(200);
        asTokenEditor().contentType(ContentType.JSON).body(newFeed())
                .when().post("/api/feeds").then()
                .statusCode(403).contentType(ContentType.JSON)
                .body("error", equalTo("your role does not allow this"));
        asTokenEditor().when().delete("/api/feeds/0000000000000000").then()
                .statusCode(403).body("error", equalTo("your role does not allow this"));
    }

    @Test
    void aTokenWithoutEitherRoleReadsNothing() {
        bearer(TestTokens.token("someone", "viewer")).when().get("/api/feeds").then()
                .statusCode(403).body("error", equalTo("your role does not allow this"));
    }

    @Test
    void tokensThatCannotBeTrustedAreRefusedWith401() {
        for (String token : TestTokens.untrustedTokens(ADMIN, "admin")) {
            refused(bearer(token).when().get("/api/feeds").then());
            refused(bearer(token).contentType(ContentType.JSON).body(newFeed()).when().post("/api/feeds").then());
        }
        refused(bearer(TestTokens.tokenOfAnotherKey(EDITOR, "editor")).when().get("/q/health/live").then());
    }

    private static void refused(ValidatableResponse answer) {
        answer.statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("error", equalTo("the credentials were not accepted"))
                .body(not(containsString("Exception")));
    }

    @Test
    void theEmbeddedUsersStayBesideTheTokens() {
        asEditor().when().get("/api/feeds").then().statusCode(200);
    }
}
