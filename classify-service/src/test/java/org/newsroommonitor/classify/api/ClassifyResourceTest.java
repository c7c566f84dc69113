package org.newsroommonitor.classify.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.KafkaTestResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ClassifyResourceTest {

    @Test
    void classifiesAText() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Aid convoy stuck as the Lachin corridor stays closed",
                        "text", "Bread is rationed in Stepanakert."))
                .when().post("/api/classify")
                .then().statusCode(200)
                .body("taxonomyVersion", equalTo(org.newsroommonitor.classify.taxonomy.BundledTaxonomy.VERSION))
                .body("topics.id", org.hamcrest.Matchers.hasItems("humanitarian-aid", "blockade", "food-security"))
                .body("topics.find { it.id == 'humanitarian-aid' }.matched", org.hamcrest.Matchers.hasItem("Aid convoy"))
                .body("topics.find { it.id == 'humanitarian-aid' }.hits.find { it.term == 'Aid convoy' }.rule", startsWith("humanitarian-aid."))
                .body("topics.find { it.id == 'humanitarian-aid' }.hits.find { it.term == 'Aid convoy' }.field", equalTo("title"))
                .body("topics.find { it.id == 'humanitarian-aid' }.hits.find { it.term == 'Aid convoy' }.start", equalTo(0))
                .body("topics.find { it.id == 'humanitarian-aid' }.hits.find { it.term == 'Aid convoy' }.end", equalTo(10))
                .body("topics.find { it.id == 'food-security' }.matched", org.hamcrest.Matchers.hasItem("Bread is rationed"));
    }

    @Test
    void hardNegativeGetsNoTopic() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Football team breaks the defensive blockade"))
                .when().post("/api/classify")
                .then().statusCode(200)
                .body("topics", empty());
    }

    @Test
    void missingBodyIsABadRequest() {
        given().contentType(ContentType.JSON).when().post("/api/classify").then().statusCode(400);
    }

    @Test
    void readinessReportsTheTaxonomyAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'taxonomy' }.data.version", equalTo(org.newsroommonitor.classify.taxonomy.BundledTaxonomy.VERSION))
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsStringIgnoringCase("messaging")));
    }
}
