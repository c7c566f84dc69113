package org.newsroommonitor.classify.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.KafkaTestResource;
import org.newsroommonitor.localstack.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.newsroommonitor.localstack.TestTokens.ADMIN;
import static org.newsroommonitor.localstack.TestTokens.asTokenAdmin;
import static org.newsroommonitor.localstack.TestTokens.asTokenEditor;
import static org.newsroommonitor.localstack.TestTokens.bearer;

/**
 * classify-service with OIDC on (a test profile trusting a key made at test time, deploy/local's
 * {@link TestTokens}): the rule test is the admin token's, an editor token classifies texts and is refused the rule
 * test with 403, and tokens that cannot be trusted are refused with 401 {@code {"error"}}.
 */
@QuarkusTest
@TestProfile(ClassifyTokenTest.Oidc.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ClassifyTokenTest {

    /** OIDC bearer tokens switched on. */
    public static class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestTokens.oidcConfig();
        }
    }

    private static final byte[] TAXONOMY = """
            version: "candidate-2"
            topics:
              - id: marked
                label: Marked
                threshold: 1.0
                rules:
                  - name: marker
                    kind: terms
                    terms: [floods]
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void anAdminTokenRunsTheRuleTest() {
        asTokenAdmin().contentType("application/yaml").body(TAXONOMY)
                .when().post("/api/rules/test").then()
                .statusCode(200).body("candidateVersion", equalTo("candidate-2"));
        asTokenAdmin().when().get("/api/subscriptions").then().statusCode(200);
    }

    @Test
    void anEditorTokenClassifiesButMayNotRunTheRuleTest() {
        asTokenEditor().contentType(ContentType.JSON).body("{\"title\": \"Aid convoy waits at the checkpoint\"}")
                .when().post("/api/classify").then()
                .statusCode(200).body("taxonomyVersion", notNullValue());
        asTokenEditor().contentType("application/yaml").body(TAXONOMY)
                .when().post("/api/rules/test").then()
                .statusCode(403).contentType(ContentType.JSON)
                .body("error", equalTo("your role does not allow this"));
        asTokenEditor().when().get("/api/subscriptions").then()
                .statusCode(403).body("error", equalTo("your role does not allow this"));
    }

    @Test
    void tokensThatCannotBeTrustedAreRefusedWith401() {
        for (String token : TestTokens.untrustedTokens(ADMIN, "admin")) {
            bearer(token).contentType("application/yaml").body(TAXONOMY)
                    .when().post("/api/rules/test").then()
                    .statusCode(401).contentType(ContentType.JSON)
                    .header("WWW-Authenticate", equalTo("Bearer"))
                    .body("error", equalTo("the credentials were not accepted"))
                    .body(not(containsString("Exception")));
        }
    }
}
