package org.newsroommonitor.search.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.newsroommonitor.localstack.TestUsers.asEditor;
import static org.newsroommonitor.localstack.TestUsers.asOtherEditor;

/**
 * The archive closed by configuration ({@code QUARKUS_HTTP_AUTH_PERMISSION_ARCHIVE_POLICY=authenticated}): search,
 * articles and alerts answer only signed-in users; anonymous callers get 401 with {@code {"error"}}. The same
 * profile lowers the saved searches per owner to 2, to see the limit refuse one more (one restart for both).
 */
@QuarkusTest
@TestProfile(ClosedArchiveTest.Closed.class)
class ClosedArchiveTest {

    /** The archive's HTTP permission switched from {@code permit} to {@code authenticated}. */
    public static class Closed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.permission.archive.policy", "authenticated",
                    "newsroom.search.subscriptions.max-per-owner", "2");
        }
    }

    @Test
    void anonymousReadsOfTheArchiveAreRefused() {
        for (String path : new String[] {"/api/search?q=aid", "/api/articles/any", "/api/articles/any/similar",
                "/api/alerts/recent", "/api/alerts/stream"}) {
            given().when().get(path).then()
                    .statusCode(401).contentType(ContentType.JSON)
                    .body("error", equalTo("sign in first: this needs an authenticated user"));
        }
    }

    @Test
    void signedInUsersReadTheArchive() {
        asEditor().when().get("/api/search?q=aid").then().statusCode(200);
        asEditor().when().get("/api/alerts/recent").then().statusCode(200);
    }

    @Test
    void anOwnerHasAtMostTheSavedSearchesAllowed() {
        String body = "{\"name\": \"limit\", \"query\": \"aid\"}";
        String first = asOtherEditor().contentType(ContentType.JSON).body(body).post("/api/subscriptions").then()
                .statusCode(201).extract().path("id");
        String second = asOtherEditor().contentType(ContentType.JSON).body(body).post("/api/subscriptions").then()
                .statusCode(201).extract().path("id");
        asOtherEditor().contentType(ContentType.JSON).body(body).post("/api/subscriptions").then()
                .statusCode(409).contentType(ContentType.JSON)
                .body("error", equalTo("you have 2 saved searches, the most allowed: delete one first"));
        asOtherEditor().delete("/api/subscriptions/" + first).then().statusCode(204);
        asOtherEditor().delete("/api/subscriptions/" + second).then().statusCode(204);
    }

    @Test
    void theUiAndHealthStayOpen() {
        given().when().get("/").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
