package org.newsroommonitor.search.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.edges.ErrorMappers;
import org.newsroommonitor.messages.Subscription;
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

/**
 * Every error search-service answers, the framework's included, is exactly {@code {"error": "why"}}. (The
 * servers come from the module's global test resource, see SearchPipelineTest.)
 */
@QuarkusTest
class ErrorAnswersTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void unknownRoutesAndMethods() {
        assertError(asAdmin().get("/api/nope"), 404, "no resource at /api/nope");
        assertError(asAdmin().get("/nope"), 404, "no resource at /nope");
        assertError(asAdmin().get("/api/subscriptions/none"), 404, "no subscription with id none");
        assertError(asAdmin().delete("/api/search"), 405, "method DELETE is not allowed on /api/search");
    }

    /** Found by deploy/system-tests' EndpointFuzzTest: a sign-in without a form was answered 500. */
    @Test
    void aSignInWithoutAFormIsRefusedWithTheErrorBody() {
        String refusal = "sign in with a form: j_username and j_password as application/x-www-form-urlencoded or "
                + "multipart/form-data";
        assertError(RawHttp.send("POST /j_security_check HTTP/1.1\r\nHost: test\r\nContent-Length: 0", new byte[0]),
                415, refusal);
        assertError(RawHttp.send("POST /j_security_check HTTP/1.1\r\nHost: test\r\nContent-Type: application/json"
                + "\r\nContent-Length: 2", "{}".getBytes(StandardCharsets.UTF_8)), 415, refusal);
        assertError(RawHttp.send("POST /j_security_check HTTP/1.1\r\nHost: test\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: 32",
                "j_username=admin&j_password=nope".getBytes(StandardCharsets.UTF_8)), 401,
                "the credentials were not accepted");
    }

    @Test
    void mediaTypes() {
        assertError(asAdmin().accept("text/html").get("/api/subscriptions"), 406,
                "none of the media types accepted (Accept: text/html) can be answered by /api/subscriptions");
        assertError(raw("POST /api/subscriptions", "Content-Type: text/plain", "{}"), 415,
                "Content-Type text/plain is not accepted by POST /api/subscriptions");
        assertError(raw("POST /api/subscriptions", "Content-Type: garbage", "{}"), 415,
                "Content-Type 'garbage' is not one media type");
        assertError(raw("POST /api/subscriptions", "Content-Type: application/json, text/plain", "{}"), 415,
                "Content-Type 'application/json, text/plain' is not one media type");
    }

    @Test
    void jsonBodiesAreStrict() {
        assertError(subscribe("{\"name\": \"n\", \"query\": \"aid\", \"topics\": \"blockade\"}"), 400,
                "field 'topics' must be a list (line 1, column 41)");
        assertError(subscribe("{\"name\": \"n\", \"query\": \"aid\", \"topics\": [5]}"), 400,
                "field 'topics[0]' must be a string (line 1, column 42)");
        assertError(subscribe("{\"name\": \"n\", \"name\": \"m\", \"query\": \"aid\"}"), 400,
                "duplicate field 'name' (line 1, column 21)");
        assertError(subscribe("{\"name\": \"n\", \"query\": \"aid\"} {}"), 400,
                "unexpected content after the JSON value (line 1, column 31)");
        assertError(subscribe("{\"name\": \"n\", "), 400,
                "malformed JSON (line 1, column 15): Unexpected end-of-input within/between Object entries");
        assertError(subscribe("[]"), 400, "the JSON value must be an object (line 1, column 1)");
        assertError(subscribe(""), 400, "a JSON body {name, query, topics, places} is required");
    }

    @Test
    void kafkaMessagesAreReadAsLenientlyAsBefore() throws Exception {
        String tolerated = "{\"id\": \"s\", \"id\": \"s2\", \"unknown\": 1, \"name\": \"n\", \"query\": \"aid\"}"
                + " trailing";
        assertThat(mapper.readValue(tolerated, Subscription.class).id()).isEqualTo("s2");
    }

    @Test
    void aMalformedRequestUriIs400SayingWhy() {
        assertError(RawHttp.send("GET /api/search?q=%zz HTTP/1.1\r\nHost: test", new byte[0]), 400,
                "the request URI is not valid: Malformed escape pair at index 14");
        assertError(RawHttp.send("GET /api/subscriptions/a\"b HTTP/1.1\r\nHost: test", new byte[0]), 400,
                "the request URI is not valid: Illegal character in path at index 20");
        // a broken escape in the path: before the UI's header filter (quarkus.http.filter.ui), which decodes paths
        RawHttp.Answer brokenPath = RawHttp.send("GET /api/articles/% HTTP/1.1\r\nHost: test", new byte[0]);
        assertError(brokenPath, 400, "the request URI is not valid: Malformed escape pair at index 14");
        assertThat(brokenPath.headers()).containsEntry("x-frame-options", "DENY")
                .containsEntry("x-content-type-options", "nosniff");
    }

    @Test
    void sizes() {
        assertError(RawHttp.send("POST /api/subscriptions HTTP/1.1\r\nHost: test\r\nContent-Type: application/json"
                + "\r\nContent-Length: 20000000", "{\"name\": \"".getBytes(StandardCharsets.UTF_8)), 413,
                "the request body is larger than 10485760 bytes");
        assertError(RawHttp.send("POST /api/subscriptions HTTP/1.1\r\nHost: test\r\nContent-Type: application/json"
                + "\r\nTransfer-Encoding: chunked", chunked(11 * 1024 * 1024)), 413,
                "the request body is larger than 10485760 bytes");
        assertError(RawHttp.send("GET /api/search?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: test", new byte[0]),
                414, "the request URI is longer than 4096 characters");
        assertError(RawHttp.send("GET /api/search HTTP/1.1\r\nHost: test\r\nX-Big: " + "a".repeat(30_000),
                new byte[0]), 431, "the request headers are larger than 20480 bytes");
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

    private static Response subscribe(String json) {
        return asAdmin().contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8))
                .post("/api/subscriptions");
    }

    private static RawHttp.Answer raw(String requestLine, String header, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(requestLine + " HTTP/1.1\r\nHost: test\r\n" + adminAuthorization() + "\r\n"
                + header + "\r\nContent-Length: " + bytes.length, bytes);
    }

    private static byte[] chunked(int size) {
        StringBuilder body = new StringBuilder("a\r\n{\"name\": \"\r\n");
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
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
