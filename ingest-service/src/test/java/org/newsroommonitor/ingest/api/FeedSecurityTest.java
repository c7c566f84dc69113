package org.newsroommonitor.ingest.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.FixtureFeedServer;
import org.newsroommonitor.ingest.IngestTestResource;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.ingest.registry.FeedRegistry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.newsroommonitor.localstack.TestUsers.asEditor;
import static org.newsroommonitor.localstack.SecurityHeaderChecks.assertSecurityHeaders;

/**
 * Who may call the feed API: every change is the admin's, an editor may read, nobody anonymous; each refusal is
 * 401 or 403 with {@code {"error"}}. Health, metrics and the API description stay open.
 */
@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = false)
class FeedSecurityTest {

    private final FeedRegistry registry;

    FeedSecurityTest(FeedRegistry registry) {
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
    void anAnonymousChangeIsRefusedWith401AndTheChallenge() {
        given().contentType(ContentType.JSON).body(newFeed())
                .when().post("/api/feeds").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("basic"))
                .contentType(ContentType.JSON)
                .body("error", equalTo("sign in first: this needs an authenticated user"));
        given().when().delete("/api/feeds/0000000000000000").then()
                .statusCode(401).body("error", equalTo("sign in first: this needs an authenticated user"));
    }

    @Test
    void anAnonymousReadIsRefusedToo() {
        given().when().get("/api/feeds").then()
                .statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("sign in first: this needs an authenticated user"));
    }

    @Test
    void wrongCredentialsAreRefusedWith401() {
        given().auth().preemptive().basic("admin", "not-the-password")
                .when().get("/api/feeds").then()
                .statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("the credentials were not accepted"));
    }

    @Test
    void anEditorReadsButDoesNotChange() {
        asEditor().when().get("/api/feeds").then().statusCode(200);
        asEditor().when().get("/api/feeds/opml").then().statusCode(200);
        asEditor().contentType(ContentType.JSON).body(newFeed())
                .when().post("/api/feeds").then()
                .statusCode(403).contentType(ContentType.JSON)
                .body("error", equalTo("your role does not allow this"));
        asEditor().contentType(ContentType.JSON).body("{\"paused\": true}")
                .when().patch("/api/feeds/0000000000000000").then()
                .statusCode(403).body("error", equalTo("your role does not allow this"));
        asEditor().when().delete("/api/feeds/0000000000000000").then()
                .statusCode(403).body("error", equalTo("your role does not allow this"));
        asEditor().contentType("text/x-opml").body("<opml version=\"2.0\"><body/></opml>")
                .when().post("/api/feeds/opml").then()
                .statusCode(403).body("error", equalTo("your role does not allow this"));
    }

    @Test
    void theAdminChanges() {
        String id = Feed.idOf(FixtureFeedServer.url("/feeds/other.rss"));
        asAdmin().contentType(ContentType.JSON).body(newFeed())
                .when().post("/api/feeds").then().statusCode(201).body("id", equalTo(id));
        asAdmin().when().delete("/api/feeds/" + id).then().statusCode(204);
    }

    @Test
    void healthMetricsAndTheApiDescriptionStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        assertSecurityHeaders(given().get("/q/health/live"), given().get("/api/nope"),
                given().delete("/api/feeds/0000000000000000"));
    }
}
