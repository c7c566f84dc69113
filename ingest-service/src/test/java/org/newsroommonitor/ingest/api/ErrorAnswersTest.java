package org.newsroommonitor.ingest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.ingest.FixtureFeedServer;
import org.newsroommonitor.ingest.IngestTestResource;
import org.newsroommonitor.ingest.registry.Feed;
import org.newsroommonitor.localstack.RawHttp;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every error answer of the service is {@code {"error": "..."}} with the reason in plain words: the framework's own
 * refusals (no such endpoint, wrong method, body type or answer type, a body that is not JSON or too large) as well
 * as the API's. And the API is described at {@code /q/openapi}, with Swagger UI.
 */
@QuarkusTest
@QuarkusTestResource(value = IngestTestResource.class, restrictToAnnotatedClass = false)
class ErrorAnswersTest {

    @Test
    void anUnknownEndpointIs404() {
        asAdmin().when().get("/api/nothing-here").then()
                .statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("no such endpoint: GET /api/nothing-here"));
    }

    @Test
    void anUnknownFeedIs404() {
        asAdmin().when().delete("/api/feeds/0000000000000000").then()
                .statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("no feed with id 0000000000000000"));
    }

    @Test
    void aMethodTheEndpointDoesNotTakeIs405() {
        asAdmin().when().put("/api/feeds").then()
                .statusCode(405).contentType(ContentType.JSON)
                .body("error", equalTo("PUT is not allowed on /api/feeds"));
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        asAdmin().contentType(ContentType.JSON).body("{\"url\": ").when().post("/api/feeds").then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("malformed JSON (line 1, column 9): Unexpected end-of-input within/between "
                        + "Object entries"));
    }

    @Test
    void aBodyOfTheWrongShapeIs400NamingTheField() {
        String id = Feed.idOf(FixtureFeedServer.url(FixtureFeedServer.FEED_PATH));
        asAdmin().contentType(ContentType.JSON).body("{\"paused\": \"maybe\"}").when().patch("/api/feeds/" + id).then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("field 'paused' must be true or false (line 1, column 12)"));
    }

    @Test
    void jsonBodiesAreStrict() {
        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"https://a.invalid/\"} {}").when().post("/api/feeds")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("unexpected content after the JSON value (line 1, column 31)"));
        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"https://a.invalid/\", \"url\": \"b\"}").when()
                .post("/api/feeds").then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("duplicate field 'url' (line 1, column 36)"));
        asAdmin().contentType(ContentType.JSON).body("{\"url\": [\"https://a.invalid/\"]}").when().post("/api/feeds")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("field 'url' must be a string (line 1, column 9)"));
        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"https://a.invalid/\", \"name\": 5}").when()
                .post("/api/feeds").then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("field 'name' must be a string (line 1, column 39)"));
    }

    @Test
    void noBodyIs400SayingWhatTheBodyMustBe() {
        asAdmin().contentType(ContentType.JSON).when().post("/api/feeds").then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("the body must be JSON: {\"url\": \"...\", \"name\": \"...\"}"));
    }

    @Test
    void aBodyTypeTheEndpointDoesNotTakeIs415() {
        asAdmin().contentType("text/csv").body("url\nhttps://example.org/rss").when().post("/api/feeds").then()
                .statusCode(415).contentType(ContentType.JSON)
                .body("error", equalTo("this endpoint does not take a body of type text/csv"));
    }

    /** RestAssured sending the Content-Type as given, without a charset of its own. */
    private static final RestAssuredConfig ASIS = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** Found by deploy/system-tests' EndpointFuzzTest: Quarkus REST answered these 500. */
    @Test
    void aContentTypeThatIsNotOneMediaTypeIs415() {
        asAdmin().config(ASIS).contentType("garbage").body("{}".getBytes(StandardCharsets.UTF_8)).when().post("/api/feeds").then()
                .statusCode(415).contentType(ContentType.JSON)
                .body("error", equalTo("the Content-Type 'garbage' is not one media type"));
        asAdmin().config(ASIS).contentType("application/json, text/plain").body("{}".getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/feeds").then()
                .statusCode(415).contentType(ContentType.JSON)
                .body("error", equalTo("the Content-Type 'application/json, text/plain' is not one media type"));
    }

    @Test
    void anAnswerTypeTheEndpointCannotGiveIs406() {
        asAdmin().accept("text/csv").when().get("/api/feeds").then()
                .statusCode(406).contentType(ContentType.JSON)
                .body("error", equalTo("this endpoint cannot answer in a type the Accept header asks for (text/csv)"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        asAdmin().contentType("text/x-opml").body(new byte[64 * 1024 + 1]).when().post("/api/feeds/opml").then()
                .statusCode(413).contentType(ContentType.JSON)
                .body("error", equalTo("the body is larger than the limit of 65536 bytes "
                        + "(quarkus.http.limits.max-body-size)"));
    }

    @Test
    void aBodyOverTheLimitWithoutALengthIs413() {
        asAdmin().contentType("text/x-opml").body(new ByteArrayInputStream(new byte[64 * 1024 + 1])).when()
                .post("/api/feeds/opml").then()
                .statusCode(413).contentType(ContentType.JSON)
                .body("error", equalTo("the body is larger than the limit of 65536 bytes "
                        + "(quarkus.http.limits.max-body-size)"));
        asAdmin().contentType("text/x-opml").body(new ByteArrayInputStream("<opml version=\"2.0\"><body/></opml>"
                .getBytes(StandardCharsets.UTF_8))).when().post("/api/feeds/opml").then()
                .statusCode(200).body("added", empty());
    }

    /** Found by deploy/system-tests' EndpointFuzzTest: both were answered by the HTTP decoder, without a body. */
    @Test
    void aUriOrHeadersOverTheLimitAre414And431() {
        asAdmin().when().get("/api/feeds/" + "a".repeat(5000)).then()
                .statusCode(414).contentType(ContentType.JSON)
                .body("error", equalTo("the request URI is longer than 4096 characters"));
        asAdmin().header("X-Big", "a".repeat(30_000)).when().get("/api/feeds").then()
                .statusCode(431).contentType(ContentType.JSON)
                .body("error", equalTo("the request headers are larger than 20480 bytes"));
    }

    @Test
    void aMalformedRequestUriIs400SayingWhy() throws Exception {
        RawHttp.Answer answer = RawHttp.send("GET /api/feeds/%zz HTTP/1.1\r\nHost: test", new byte[0]);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(new ObjectMapper().readTree(answer.body()).path("error").asText())
                .isEqualTo("the request URI is not valid: Malformed escape pair at index 11");
    }

    @Test
    void theApiIsDescribedWithSwaggerUi() {
        asAdmin().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("Newsroom Monitor ingest-service"))
                .body("paths.'/api/feeds'.post.summary", equalTo("Adds a feed"))
                .body("paths.'/api/feeds/{id}'.get.responses.'404'.description", equalTo("no feed with this id"));
        asAdmin().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
