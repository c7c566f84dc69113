package org.newsroommonitor.classify.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.KafkaTestResource;
import org.newsroommonitor.classify.recent.ArticleText;
import org.newsroommonitor.classify.taxonomy.BundledTaxonomy;
import org.newsroommonitor.edges.ErrorMappers;
import org.newsroommonitor.localstack.RawHttp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.newsroommonitor.localstack.TestUsers.adminAuthorization;
import static org.newsroommonitor.localstack.TestUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error classify-service answers, the framework's included, is exactly {@code {"error": "why"}}. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
class ErrorAnswersTest {

    @Inject
    ObjectMapper mapper;

    private static final String YAML_BODY = "version: x\n";

    @Test
    void unknownRoutesAndMethods() {
        assertError(asAdmin().get("/api/nope"), 404, "no resource at /api/nope");
        assertError(asAdmin().get("/nope"), 404, "no resource at /nope");
        assertError(asAdmin().get("/api/subscriptions/none"), 404, "no subscription none in force");
        Response wrongMethod = asAdmin().get("/api/classify");
        assertError(wrongMethod, 405, "method GET is not allowed on /api/classify");
    }

    /** Found by deploy/system-tests' EndpointFuzzTest: a form without parts was answered 500. */
    @Test
    void aMultipartFormWithoutPartsIs400() {
        assertError(raw("POST /api/rules/test", adminAuthorization()
                + "\r\nContent-Type: multipart/form-data; boundary=fuzz", "--fuzz--\r\n"), 400,
                "the multipart/form-data body cannot be read: Connection terminated parsing multipart request");
    }

    /** Found by deploy/system-tests' EndpointFuzzTest: a form with an empty boundary was answered 500. */
    @Test
    void aMultipartFormWithAnEmptyBoundaryIs400() {
        assertError(raw("POST /api/rules/test", adminAuthorization()
                + "\r\nContent-Type: multipart/form-data; boundary=", "--\r\n\r\n--\r\n"), 400,
                "Content-Type 'multipart/form-data; boundary=' is multipart without a boundary");
    }

    @Test
    void mediaTypes() {
        assertError(asAdmin().accept("text/html").contentType(ContentType.JSON).body("{}").post("/api/classify"), 406,
                "none of the media types accepted (Accept: text/html) can be answered by /api/classify");
        assertError(asAdmin().contentType(ContentType.TEXT).body("{}").post("/api/classify"), 415,
                "Content-Type text/plain is not accepted by POST /api/classify");
        assertError(raw("POST /api/rules/test", "Content-Type: garbage", YAML_BODY), 415,
                "Content-Type 'garbage' is not one media type");
        assertError(raw("POST /api/rules/test", "Content-Type: application/json, text/plain", YAML_BODY), 415,
                "Content-Type 'application/json, text/plain' is not one media type");
        assertError(raw("POST /api/classify", "Content-Type: garbage", "{}"), 415,
                "Content-Type 'garbage' is not one media type");
    }

    @Test
    void jsonBodiesAreStrict() {
        assertError(classify("{\"title\": "), 400,
                "malformed JSON (line 1, column 11): Unexpected end-of-input within/between Object entries");
        assertError(classify("{\"title\": \"a\"} xx"), 400, "malformed JSON (line 1, column 16): Unrecognized token "
                + "'xx': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
        assertError(classify("{\"title\": \"a\"} {}"), 400,
                "unexpected content after the JSON value (line 1, column 16)");
        assertError(classify("{\"title\": \"a\", \"title\": \"b\"}"), 400,
                "duplicate field 'title' (line 1, column 23)");
        assertError(classify("{\"title\": [\"a\"]}"), 400, "field 'title' must be a string (line 1, column 11)");
        assertError(classify("{\"text\": 5}"), 400, "field 'text' must be a string (line 1, column 10)");
        assertError(classify("{\"summary\": true}"), 400,
                "field 'summary' must be a string (line 1, column 13)");
        assertError(classify("[]"), 400, "the JSON value must be an object (line 1, column 1)");
        assertError(classify(""), 400, "a JSON body with title, summary and/or text is required");
    }

    @Test
    void kafkaMessagesAreReadAsLenientlyAsBefore() throws Exception {
        String tolerated = "{\"id\": \"a\", \"id\": \"b\", \"unknown\": 1, \"title\": 5} trailing";
        assertThat(mapper.readValue(tolerated, ArticleText.class)).isEqualTo(new ArticleText("b", "5", null, null));
    }

    @Test
    void aMalformedRequestUriIs400SayingWhy() {
        assertError(RawHttp.send("GET /api/subscriptions?owner=<x> HTTP/1.1\r\nHost: test", new byte[0]), 400,
                "the request URI is not valid: Illegal character in query at index 25");
    }

    @Test
    void sizes() {
        assertError(RawHttp.send("POST /api/classify HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                + "Content-Length: 20000000", "{\"title\": \"".getBytes(StandardCharsets.UTF_8)), 413,
                "the request body is larger than 10485760 bytes");
        assertError(RawHttp.send("GET /api/subscriptions/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: test",
                new byte[0]), 414, "the request URI is longer than 4096 characters");
        assertError(RawHttp.send("GET /api/subscriptions HTTP/1.1\r\nHost: test\r\nX-Big: " + "a".repeat(30_000),
                new byte[0]), 431, "the request headers are larger than 20480 bytes");
    }

    @Test
    void aChunkedBodyTooLargeIsRefusedWhileItIsRead() {
        assertError(RawHttp.send("POST /api/classify HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", chunked(11 * 1024 * 1024)), 413,
                "the request body is larger than 10485760 bytes");
        assertError(RawHttp.send("POST /api/rules/test HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked", chunked(11 * 1024 * 1024)), 413,
                "the request body is larger than 10485760 bytes");
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadAsAnyOther() {
        byte[] json = "{\"title\": \"Football team breaks the defensive blockade\"}".getBytes(StandardCharsets.UTF_8);
        byte[] chunked = (Integer.toHexString(json.length) + "\r\n" + new String(json, StandardCharsets.UTF_8)
                + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send("POST /api/classify HTTP/1.1\r\nHost: test\r\n" + adminAuthorization()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunked);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"topics\":[],\"taxonomyVersion\":\"" + BundledTaxonomy.VERSION + "\"}");
    }

    @Test
    void aFailureAnswersOnlyAnErrorIdThatTheLogHas() {
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(ErrorMappers.class.getName());
        logger.addHandler(handler);
        try {
            Response response = asAdmin().get("/test/failure");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.contentType()).startsWith("application/json");
            Matcher body = Pattern.compile("\\{\"error\":\"internal error, error id ([0-9a-f-]{36})\"}")
                    .matcher(response.asString());
            assertThat(body.matches()).as(response.asString()).isTrue();
            assertThat(logged).anySatisfy(record -> {
                assertThat(record.getMessage()).contains(body.group(1));
                assertThat(record.getThrown()).hasMessage(FailingResource.SECRET);
            });
        } finally {
            logger.removeHandler(handler);
        }
    }

    private static Response classify(String json) {
        return asAdmin().contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8)).post("/api/classify");
    }

    private static RawHttp.Answer raw(String requestLine, String header, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(requestLine + " HTTP/1.1\r\nHost: test\r\n" + header
                + "\r\nContent-Length: " + bytes.length, bytes);
    }

    private static byte[] chunked(int size) {
        StringBuilder body = new StringBuilder("b\r\n{\"title\": \"\r\n");
        String chunk = "a".repeat(64 * 1024);
        for (int sent = 0; sent < size; sent += chunk.length()) {
            body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return body.append("0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void assertError(Response response, int status, String message) {
        assertError(new RawHttp.Answer(response.statusCode(),
                Map.of("content-type", String.valueOf(response.contentType())), response.asString()), status, message);
    }

    private void assertError(RawHttp.Answer answer, int status, String message) {
        try {
            assertThat(answer.status()).as(answer.body()).isEqualTo(status);
            assertThat(answer.headers().get("content-type")).startsWith("application/json");
            assertThat(answer.body()).isEqualTo(mapper.writeValueAsString(Map.of("error", message)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
