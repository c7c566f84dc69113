package org.newsroommonitor.search.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.localstack.TestUsers;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.newsroommonitor.localstack.TestUsers.asEditor;
import static org.newsroommonitor.localstack.TestUsers.asOtherEditor;
import static org.newsroommonitor.localstack.SecurityHeaderChecks.assertSecurityHeaders;

/**
 * Who may call search-service with the default settings: the archive is open to anyone, saved searches are for
 * signed-in editors (their own only) and the admin (every one), and each refusal is 401 or 403 with
 * {@code {"error"}}. (The servers come from the module's global test resource, see SearchPipelineTest.)
 */
@QuarkusTest
class SearchSecurityTest {

    private static final String NOT_SIGNED_IN = "sign in first: this needs an authenticated user";

    @Test
    void theArchiveIsOpenByDefault() {
        given().when().get("/api/search?q=aid").then().statusCode(200);
        given().when().get("/api/articles/no-such-article").then().statusCode(404)
                .body("error", equalTo("no article with id no-such-article"));
    }

    @Test
    void alertsAreASignedInUsersOwnEvenWhenTheArchiveIsOpen() {
        for (String path : new String[] {"/api/alerts/recent", "/api/alerts/stream"}) {
            given().when().get(path).then()
                    .statusCode(401).contentType(ContentType.JSON).body("error", equalTo(NOT_SIGNED_IN));
        }
        given().auth().preemptive().basic(TestUsers.EDITOR, TestUsers.EDITOR_PASSWORD)
                .when().get("/api/alerts/recent").then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void anAnonymousChangeIsRefusedWith401() {
        given().contentType(ContentType.JSON).body("{\"name\": \"n\", \"query\": \"aid\"}")
                .when().post("/api/subscriptions").then()
                // form authentication's challenge (no WWW-Authenticate), so a browser opens no Basic dialog
                .statusCode(401).header("WWW-Authenticate", nullValue()).contentType(ContentType.JSON)
                .body("error", equalTo(NOT_SIGNED_IN));
        given().when().delete("/api/subscriptions/any").then()
                .statusCode(401).contentType(ContentType.JSON).body("error", equalTo(NOT_SIGNED_IN));
        given().when().get("/api/subscriptions").then()
                .statusCode(401).contentType(ContentType.JSON).body("error", equalTo(NOT_SIGNED_IN));
    }

    @Test
    void wrongCredentialsAreRefusedWith401() {
        given().auth().preemptive().basic(TestUsers.EDITOR, "wrong").when().get("/api/subscriptions").then()
                .statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("the credentials were not accepted"));
    }

    @Test
    void anEditorSeesAndChangesOnlyTheirOwnSavedSearches() {
        String mine = create(TestUsers.EDITOR);
        String theirs = create(TestUsers.OTHER_EDITOR);

        assertThat(ids(asEditor().get("/api/subscriptions"))).contains(mine).doesNotContain(theirs);
        // ?owner= is the admin's filter; an editor still gets only their own
        assertThat(ids(asEditor().queryParam("owner", TestUsers.OTHER_EDITOR).get("/api/subscriptions")))
                .contains(mine).doesNotContain(theirs);
        assertThat(ids(asOtherEditor().get("/api/subscriptions"))).contains(theirs).doesNotContain(mine);

        // another's saved search is answered as one that does not exist
        asEditor().get("/api/subscriptions/" + theirs).then()
                .statusCode(404).body("error", equalTo("no subscription with id " + theirs));
        asEditor().contentType(ContentType.JSON).body("{\"name\": \"taken\", \"query\": \"aid\"}")
                .put("/api/subscriptions/" + theirs).then()
                .statusCode(404).body("error", equalTo("no subscription with id " + theirs));
        asEditor().delete("/api/subscriptions/" + theirs).then()
                .statusCode(404).body("error", equalTo("no subscription with id " + theirs));
        asOtherEditor().get("/api/subscriptions/" + theirs).then()
                .statusCode(200).body("name", equalTo("saved by " + TestUsers.OTHER_EDITOR));

        // the admin sees every one, and changes another's without taking it over
        assertThat(ids(asAdmin().get("/api/subscriptions"))).contains(mine, theirs);
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"renamed\", \"query\": \"aid\"}")
                .put("/api/subscriptions/" + theirs).then()
                .statusCode(200).body("owner", equalTo(TestUsers.OTHER_EDITOR)).body("name", equalTo("renamed"));

        asEditor().delete("/api/subscriptions/" + mine).then().statusCode(204);
        asAdmin().delete("/api/subscriptions/" + theirs).then().statusCode(204);
    }

    @Test
    void healthMetricsTheApiDescriptionAndTheUiStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/").then().statusCode(200).contentType(ContentType.HTML);
    }

    private static String create(String user) {
        var request = user.equals(TestUsers.EDITOR) ? asEditor() : asOtherEditor();
        return request.contentType(ContentType.JSON)
                .body("{\"name\": \"saved by " + user + "\", \"query\": \"aid\", \"owner\": \"someone-else\"}")
                .post("/api/subscriptions").then()
                .statusCode(201).body("owner", equalTo(user))
                .extract().path("id");
    }

    private static List<String> ids(io.restassured.response.Response response) {
        JsonNode list = response.then().statusCode(200).extract().as(JsonNode.class);
        List<String> ids = new ArrayList<>();
        list.forEach(subscription -> ids.add(subscription.get("id").asText()));
        return ids;
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        assertSecurityHeaders(given().get("/q/health/live"), given().get("/api/nope"),
                given().delete("/api/subscriptions/any"));
    }
}
