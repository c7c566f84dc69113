package org.newsroommonitor.classify.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.KafkaTestResource;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.newsroommonitor.localstack.TestUsers.asEditor;
import static org.newsroommonitor.localstack.SecurityHeaderChecks.assertSecurityHeaders;

/**
 * Who may call classify-service: the rule test and the list of every saved search are the admin's, classifying a
 * text is for editors and the admin, nothing is anonymous; each refusal is 401 or 403 with {@code {"error"}}.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ClassifySecurityTest {

    private static final String TAXONOMY = """
            version: "candidate-1"
            topics:
              - id: marked
                label: Marked
                threshold: 1.0
                rules:
                  - name: marker
                    kind: terms
                    terms: [floods]
            """;

    @Test
    void anAnonymousRuleTestIsRefusedWith401() {
        given().contentType("application/yaml").body(TAXONOMY.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/test").then()
                .statusCode(401).header("WWW-Authenticate", equalTo("basic")).contentType(ContentType.JSON)
                .body("error", equalTo("sign in first: this needs an authenticated user"));
        given().multiPart("taxonomy", "t.yaml", TAXONOMY.getBytes(), "application/yaml")
                .when().post("/api/rules/test").then()
                .statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("sign in first: this needs an authenticated user"));
    }

    @Test
    void anEditorMayNotRunTheRuleTest() {
        asEditor().contentType("application/yaml").body(TAXONOMY.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/test").then()
                .statusCode(403).contentType(ContentType.JSON)
                .body("error", equalTo("your role does not allow this"));
    }

    @Test
    void theAdminRunsTheRuleTest() {
        asAdmin().contentType("application/yaml").body(TAXONOMY.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/test").then()
                .statusCode(200).body("candidateVersion", equalTo("candidate-1"));
    }

    @Test
    void editorsClassifyTextsAnonymousCallersDoNot() {
        String text = "{\"title\": \"Aid convoy waits at the Lachin checkpoint\"}";
        asEditor().contentType(ContentType.JSON).body(text)
                .when().post("/api/classify").then()
                .statusCode(200).body("taxonomyVersion", notNullValue());
        given().contentType(ContentType.JSON).body(text)
                .when().post("/api/classify").then()
                .statusCode(401).body("error", equalTo("sign in first: this needs an authenticated user"));
    }

    @Test
    void everyOwnersSavedSearchesAreTheAdminsToList() {
        asAdmin().when().get("/api/subscriptions").then().statusCode(200);
        asEditor().when().get("/api/subscriptions").then()
                .statusCode(403).body("error", equalTo("your role does not allow this"));
        given().when().get("/api/subscriptions/any").then()
                .statusCode(401).body("error", equalTo("sign in first: this needs an authenticated user"));
    }

    @Test
    void wrongCredentialsAreRefusedWith401() {
        given().auth().preemptive().basic("editor", "wrong").contentType(ContentType.JSON).body("{\"title\": \"x\"}")
                .when().post("/api/classify").then()
                .statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("the credentials were not accepted"));
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
                given().delete("/api/subscriptions/any"));
    }
}
