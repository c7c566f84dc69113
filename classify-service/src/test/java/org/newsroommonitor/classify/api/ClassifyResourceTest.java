package org.newsroommonitor.classify.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.KafkaTestResource;
import org.newsroommonitor.classify.taxonomy.BundledTaxonomy;

import java.util.Map;

import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ClassifyResourceTest {

    @Test
    void classifiesAText() {
        String aidConvoy = "topics.find { it.id == 'humanitarian-aid' }.hits.find { it.term == 'Aid convoy' }";
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("title", "Aid convoy stuck as the Lachin corridor stays closed",
                        "text", "Bread is rationed in Stepanakert."))
                .when().post("/api/classify")
                .then().statusCode(200)
                .body("taxonomyVersion", equalTo(BundledTaxonomy.VERSION))
                .body("topics.id", hasItems("humanitarian-aid", "blockade", "food-security"))
                .body("topics.find { it.id == 'humanitarian-aid' }.matched", hasItem("Aid convoy"))
                .body(aidConvoy + ".rule", startsWith("humanitarian-aid."))
                .body(aidConvoy + ".field", equalTo("title"))
                .body(aidConvoy + ".start", equalTo(0))
                .body(aidConvoy + ".end", equalTo(10))
                .body("topics.find { it.id == 'food-security' }.matched", hasItem("Bread is rationed"));
    }

    @Test
    void hardNegativeGetsNoTopic() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("title", "Football team breaks the defensive blockade"))
                .when().post("/api/classify")
                .then().statusCode(200)
                .body("topics", empty());
    }

    @Test
    void missingBodyIsABadRequest() {
        asAdmin().contentType(ContentType.JSON).when().post("/api/classify")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("", equalTo(Map.of("error", "a JSON body with title, summary and/or text is required")));
    }

    @Test
    void readinessReportsTheTaxonomyAndKafka() {
        asAdmin().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'taxonomy' }.data.version", equalTo(BundledTaxonomy.VERSION))
                .body("checks.name", hasItem(containsStringIgnoringCase("messaging")));
    }
}
