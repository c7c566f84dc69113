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
 * (newsroom.http-edges.framework-answers=own): http-edges' route handlers are not installed, so
 * {@link IngestErrorMappers}, {@link BodyLimit} and {@link RequestLimits} give every answer {@link ErrorAnswersTest}
 * expects; JSON bodies are still read with http-edges' strict mapper ({@link IngestJson}).
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
    void bodiesAreReadStrictlyAsInEveryService() {
        // the field given twice is refused before the feed is looked up
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"a\", \"name\": \"b\"}")
                .when().patch("/api/feeds/0000000000000000").then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("duplicate field 'name' (line 1, column 21)"));
    }
}
