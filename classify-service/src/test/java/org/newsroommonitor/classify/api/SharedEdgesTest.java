package org.newsroommonitor.classify.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.KafkaTestResource;
import org.newsroommonitor.edges.ErrorRoutes;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The edges of the HTTP API are the http-edges module's, found by Quarkus in a dependency jar: its route handlers are
 * a bean, its {@code @ServerExceptionMapper}s and its JSON provider are in force. ({@link ErrorAnswersTest} has every
 * answer they give.)
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class SharedEdgesTest {

    @Inject
    ErrorRoutes routes;

    @Test
    void theRouteHandlersAreABean() {
        assertThat(routes).isNotNull();
    }

    @Test
    void theirRoutesMappersAndJsonProviderAnswer() {
        // a route handler: refused before any endpoint
        asAdmin().get("/api/subscriptions/" + "a".repeat(5000)).then().statusCode(414)
                .body("error", equalTo("the request URI is longer than 4096 characters"));
        // a mapper: the framework's refusal of a body type the endpoint does not take
        asAdmin().contentType(ContentType.TEXT).body("{}").post("/api/classify").then().statusCode(415)
                .body("error", equalTo("Content-Type text/plain is not accepted by POST /api/classify"));
        // the strict JSON provider and the mapper that names the field
        asAdmin().contentType(ContentType.JSON).body("{\"title\": \"a\", \"title\": \"b\"}").post("/api/classify")
                .then().statusCode(400).body("error", equalTo("duplicate field 'title' (line 1, column 23)"));
    }
}
