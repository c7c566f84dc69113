package org.newsroommonitor.classify.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.KafkaTestResource;

import java.util.Map;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/** classify-service documents its endpoints at /q/openapi and serves Swagger UI. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class OpenApiTest {

    @Test
    void documentsEveryEndpoint() {
        JsonPath openapi = asAdmin().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        assertThat(openapi.getString("info.title")).isEqualTo("Newsroom Monitor classify-service");
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        assertThat(paths).containsOnlyKeys("/api/classify", "/api/rules/test", "/api/subscriptions",
                "/api/subscriptions/{id}");
        assertThat(paths.get("/api/classify")).containsOnlyKeys("post");
        assertThat(paths.get("/api/rules/test")).containsOnlyKeys("post");
        assertThat(paths.get("/api/subscriptions")).containsOnlyKeys("get");
        assertThat(paths.get("/api/subscriptions/{id}")).containsOnlyKeys("get");
        assertThat(openapi.getMap("paths.'/api/classify'.post.responses")).containsOnlyKeys("200", "400", "401", "403",
                "415");
        assertThat(openapi.getMap("paths.'/api/subscriptions/{id}'.get.responses")).containsOnlyKeys("200", "401", "403",
                "404");
    }

    @Test
    void servesSwaggerUi() {
        asAdmin().get("/q/swagger-ui/").then().statusCode(200);
    }
}
