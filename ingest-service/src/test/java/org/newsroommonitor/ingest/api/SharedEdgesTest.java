package org.newsroommonitor.ingest.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.edges.ErrorRoutes;
import org.newsroommonitor.ingest.IngestTestResource;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * ingest-service takes the error body from http-edges but answers the framework's refusals in its own words
 * (newsroom.http-edges.framework-answers=own): http-edges' route handlers are not installed and its strict JSON
 * provider is not in force, so {@link IngestErrorMappers} and {@link BodyLimit} give every answer
 * {@link ErrorAnswersTest} expects.
 */
@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = false)
class SharedEdgesTest {

    @Inject
    Instance<ErrorRoutes> sharedRoutes;

    @Test
    void theSharedRouteHandlersAreNotABeanHere() {
        assertThat(sharedRoutes.isUnsatisfied()).isTrue();
    }

    @Test
    void bodiesAreReadAsBeforeNotStrictly() {
        // http-edges' strict JSON would refuse the field given twice (400); ingest reads the body and looks the feed up
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"a\", \"name\": \"b\"}")
                .when().patch("/api/feeds/0000000000000000").then()
                .statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("no feed with id 0000000000000000"));
    }
}
