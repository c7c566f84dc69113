package org.newsroommonitor.search.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.localstack.TestTokens;
import org.newsroommonitor.localstack.TestUsers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.newsroommonitor.localstack.TestTokens.asOtherTokenEditor;
import static org.newsroommonitor.localstack.TestTokens.asTokenAdmin;
import static org.newsroommonitor.localstack.TestTokens.asTokenEditor;
import static org.newsroommonitor.localstack.TestTokens.bearer;

/**
 * search-service with OIDC on (a test profile trusting a key made at test time, deploy/local's {@link TestTokens})
 * and the archive closed: a token's user reads the archive and owns the saved searches it makes (the token's
 * {@code preferred_username}), another editor's token gets 404 for them, the admin's token sees all; tokens that
 * cannot be trusted get 401 {@code {"error"}}; the UI's form sign-in with the embedded users keeps working beside.
 */
@QuarkusTest
@TestProfile(SearchTokenTest.OidcAndClosedArchive.class)
class SearchTokenTest {

    /** OIDC bearer tokens switched on, the archive closed to anonymous readers. */
    public static class OidcAndClosedArchive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestTokens.oidcConfig());
            config.put("quarkus.http.auth.permission.archive.policy", "authenticated");
            return config;
        }
    }

    @Test
    void aTokenReadsTheClosedArchiveAnonymousCallersDoNot() {
        asTokenEditor().when().get("/api/search?q=aid").then().statusCode(200);
        asTokenEditor().when().get("/api/alerts/recent").then().statusCode(200);
        given().when().get("/api/search?q=aid").then()
                .statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("sign in first: this needs an authenticated user"));
    }

    @Test
    void theSessionNamesTheTokensUserAndRoles() {
        asTokenEditor().when().get("/api/session").then()
                .statusCode(200).body("user", equalTo(TestTokens.EDITOR)).body("roles", equalTo(List.of("editor")));
        asTokenAdmin().when().get("/api/session").then()
                .statusCode(200).body("user", equalTo(TestTokens.ADMIN)).body("roles", equalTo(List.of("admin")));
    }

    @Test
    void aTokenEditorOwnsTheirSavedSearchesAndNoOneElsesSeesThem() {
        String mine = create(asTokenEditor(), TestTokens.EDITOR);
        String theirs = create(asOtherTokenEditor(), TestTokens.OTHER_EDITOR);

        assertThat(ids(asTokenEditor().get("/api/subscriptions"))).contains(mine).doesNotContain(theirs);
        assertThat(ids(asOtherTokenEditor().get("/api/subscriptions"))).contains(theirs).doesNotContain(mine);
        asTokenEditor().get("/api/subscriptions/" + theirs).then()
                .statusCode(404).body("error", equalTo("no subscription with id " + theirs));
        asTokenEditor().delete("/api/subscriptions/" + theirs).then()
                .statusCode(404).body("error", equalTo("no subscription with id " + theirs));
        // an embedded user of the same role is someone else too
        TestUsers.asEditor().get("/api/subscriptions/" + mine).then()
                .statusCode(404).body("error", equalTo("no subscription with id " + mine));

        assertThat(ids(asTokenAdmin().get("/api/subscriptions"))).contains(mine, theirs);
        asTokenAdmin().get("/api/subscriptions/" + theirs).then()
                .statusCode(200).body("owner", equalTo(TestTokens.OTHER_EDITOR));

        asTokenEditor().delete("/api/subscriptions/" + mine).then().statusCode(204);
        asTokenAdmin().delete("/api/subscriptions/" + theirs).then().statusCode(204);
    }

    @Test
    void tokensThatCannotBeTrustedAreRefusedWith401() {
        for (String token : TestTokens.untrustedTokens(TestTokens.EDITOR, "editor")) {
            bearer(token).when().get("/api/subscriptions").then()
                    .statusCode(401).contentType(ContentType.JSON)
                    .body("error", equalTo("the credentials were not accepted"))
                    .body(not(containsString("Exception")));
            bearer(token).when().get("/api/search?q=aid").then()
                    .statusCode(401).body("error", equalTo("the credentials were not accepted"));
        }
    }

    @Test
    void theUiSignsInWithTheFormBesideTheTokens() {
        Response signedIn = given().formParam("j_username", TestUsers.EDITOR)
                .formParam("j_password", TestUsers.EDITOR_PASSWORD)
                .post("/j_security_check");
        signedIn.then().statusCode(200);
        String cookie = signedIn.getCookie("quarkus-credential");
        assertThat(cookie).isNotBlank();
        given().cookie("quarkus-credential", cookie).get("/api/session").then()
                .statusCode(200).body("user", equalTo(TestUsers.EDITOR));
    }

    private static String create(RequestSpecification as, String owner) {
        return as.contentType(ContentType.JSON)
                .body("{\"name\": \"saved by " + owner + "\", \"query\": \"aid\", \"owner\": \"someone-else\"}")
                .post("/api/subscriptions").then()
                .statusCode(201).body("owner", equalTo(owner))
                .extract().path("id");
    }

    private static List<String> ids(Response response) {
        JsonNode list = response.then().statusCode(200).extract().as(JsonNode.class);
        List<String> ids = new ArrayList<>();
        list.forEach(subscription -> ids.add(subscription.get("id").asText()));
        return ids;
    }
}
