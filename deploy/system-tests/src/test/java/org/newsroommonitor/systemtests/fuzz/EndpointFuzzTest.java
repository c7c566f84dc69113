package org.newsroommonitor.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.newsroommonitor.localstack.LocalStack;
import org.newsroommonitor.systemtests.TemporaryStack;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and hostile input at every public endpoint of the three services, on the real stack (Kafka, Elasticsearch
 * and the three packaged services, as {@code ./newsroom run} starts them): hostile path and query values, random
 * and broken JSON bodies, odd Content-Type and Accept headers, OPML, YAML and multipart uploads, as the admin, an
 * editor, anonymously and with wrong credentials. Every answer must come within {@link #ANSWER_WITHIN}, never be a
 * 5xx, never carry a Java stack trace, and every 4xx must have a JSON body with a non-empty string {@code error}.
 * <p>
 * The endpoints are listed here with what each takes; {@link #everyDocumentedEndpointIsFuzzed} checks that the list
 * is exactly what the services' OpenAPI documents (less {@code /q/*}), so a new endpoint cannot be forgotten.
 * jqwik prints each property's seed; {@code @Property(seed = "...")} replays a failure.
 */
class EndpointFuzzTest {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STACK_TRACE_MARKERS =
            List.of("\tat ", "at org.", "at java.", "at io.", "Exception:", "Caused by:", ".java:");

    enum Service { INGEST, CLASSIFY, SEARCH }

    enum Body { NONE, JSON, OPML, RULES, FORM }

    /** One endpoint: where, how it is called, its query parameters and the body it takes. */
    record Endpoint(Service service, String method, String path, List<String> query, Body body) {

        boolean documented() {
            return path.startsWith("/api/");
        }

        String key() {
            return service + " " + method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(Service.INGEST, "GET", "/api/feeds", List.of(), Body.NONE),
            new Endpoint(Service.INGEST, "POST", "/api/feeds", List.of(), Body.JSON),
            new Endpoint(Service.INGEST, "GET", "/api/feeds/{id}", List.of(), Body.NONE),
            new Endpoint(Service.INGEST, "PATCH", "/api/feeds/{id}", List.of(), Body.JSON),
            new Endpoint(Service.INGEST, "DELETE", "/api/feeds/{id}", List.of(), Body.NONE),
            new Endpoint(Service.INGEST, "GET", "/api/feeds/opml", List.of(), Body.NONE),
            new Endpoint(Service.INGEST, "POST", "/api/feeds/opml", List.of(), Body.OPML),
            new Endpoint(Service.CLASSIFY, "POST", "/api/classify", List.of(), Body.JSON),
            new Endpoint(Service.CLASSIFY, "POST", "/api/rules/test", List.of("n"), Body.RULES),
            new Endpoint(Service.CLASSIFY, "GET", "/api/subscriptions", List.of(), Body.NONE),
            new Endpoint(Service.CLASSIFY, "GET", "/api/subscriptions/{id}", List.of(), Body.NONE),
            new Endpoint(Service.SEARCH, "GET", "/api/search", List.of("q", "topic", "place", "org", "source", "lang",
                    "from", "to", "sort", "size", "cursor", "interval", "facets"), Body.NONE),
            new Endpoint(Service.SEARCH, "GET", "/api/articles/{id}", List.of(), Body.NONE),
            new Endpoint(Service.SEARCH, "GET", "/api/articles/{id}/similar", List.of("size"), Body.NONE),
            new Endpoint(Service.SEARCH, "GET", "/api/alerts/stream", List.of("subscription"), Body.NONE),
            new Endpoint(Service.SEARCH, "GET", "/api/alerts/recent", List.of("subscription"), Body.NONE),
            new Endpoint(Service.SEARCH, "GET", "/api/session", List.of(), Body.NONE),
            new Endpoint(Service.SEARCH, "POST", "/api/session/sign-out", List.of(), Body.NONE),
            new Endpoint(Service.SEARCH, "GET", "/api/subscriptions", List.of("owner"), Body.NONE),
            new Endpoint(Service.SEARCH, "POST", "/api/subscriptions", List.of(), Body.JSON),
            new Endpoint(Service.SEARCH, "GET", "/api/subscriptions/{id}", List.of(), Body.NONE),
            new Endpoint(Service.SEARCH, "PUT", "/api/subscriptions/{id}", List.of(), Body.JSON),
            new Endpoint(Service.SEARCH, "DELETE", "/api/subscriptions/{id}", List.of(), Body.NONE),
            // not in OpenAPI (Quarkus form authentication's own route), public all the same
            new Endpoint(Service.SEARCH, "POST", "/j_security_check", List.of(), Body.FORM));

    /** In a generated query, a name that stands for one of the endpoint's own parameters (the n-th). */
    private static final String OWN_PARAMETER = "\u0001own:";

    /** The JSON fields the endpoints read, and a few they do not. */
    private static final List<String> FIELDS = List.of("url", "name", "paused", "title", "summary", "text", "query",
            "topics", "places", "owner", "id", "__proto__", "constructor", "");

    private static TemporaryStack temporaryStack;
    private static LocalStack stack;

    @BeforeContainer
    static void startStack() throws IOException {
        temporaryStack = new TemporaryStack("fuzz", Duration.ofSeconds(30));
        stack = temporaryStack.start();
    }

    @AfterContainer
    static void stopStack() throws IOException {
        if (temporaryStack != null) {
            temporaryStack.close();
        }
    }

    // ---- the endpoints covered are the endpoints documented ----

    @Example
    void everyDocumentedEndpointIsFuzzed() throws Exception {
        Set<String> documented = new TreeSet<>();
        Set<String> documentedQueries = new TreeSet<>();
        for (Service service : Service.values()) {
            RawExchange.Answer answer = new RawExchange("GET", "/q/openapi?format=json", List.of(), new byte[0])
                    .send(uri(service), ANSWER_WITHIN);
            assertThat(answer.status()).as("%s /q/openapi", service).isEqualTo(200);
            JsonNode paths = JSON.readTree(answer.body()).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (path.getKey().startsWith("/q/")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                        String key = service + " " + op.getKey().toUpperCase() + " " + path.getKey();
                        documented.add(key);
                        for (JsonNode parameter : op.getValue().path("parameters")) {
                            if (parameter.path("in").asText().equals("query")) {
                                documentedQueries.add(key + " ?" + parameter.path("name").asText());
                            }
                        }
                    }
                }
            }
        }
        Set<String> covered = ENDPOINTS.stream().filter(Endpoint::documented).map(Endpoint::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> coveredQueries = ENDPOINTS.stream().filter(Endpoint::documented)
                .flatMap(e -> e.query().stream().map(q -> e.key() + " ?" + q))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).isEqualTo(documented);
        assertThat(coveredQueries).isEqualTo(documentedQueries);
    }

    // ---- the properties ----

    /** Hostile path segments and query strings, with any method, on every endpoint. */
    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void hostilePathsAndQueries(@ForAll("endpoints") Endpoint endpoint, @ForAll("callers") String caller,
                                @ForAll("methods") String otherMethod, @ForAll("pathValues") String id,
                                @ForAll("queries") List<Tuple.Tuple2<String, String>> query,
                                @ForAll("queryEncodings") int encoding) throws IOException {
        String method = otherMethod.isEmpty() ? endpoint.method() : otherMethod;
        StringBuilder target = new StringBuilder(endpoint.path().replace("{id}", id));
        for (int i = 0; i < query.size(); i++) {
            String name = query.get(i).get1();
            if (name.startsWith(OWN_PARAMETER)) {
                int which = Integer.parseInt(name.substring(OWN_PARAMETER.length()));
                name = endpoint.query().isEmpty() ? "x" : endpoint.query().get(which % endpoint.query().size());
            }
            target.append(i == 0 ? '?' : '&').append(encode(name, encoding)).append('=')
                    .append(encode(query.get(i).get2(), encoding));
        }
        List<String[]> headers = new ArrayList<>(authorization(caller));
        byte[] body = new byte[0];
        if (endpoint.body() == Body.JSON && method.equals(endpoint.method())) {
            headers.add(new String[]{"Content-Type", "application/json"});
            body = "{\"name\": \"fuzz\", \"query\": \"convoy\", \"url\": \"https://feeds.invalid/rss\"}"
                    .getBytes(StandardCharsets.UTF_8);
        }
        check(endpoint.service(), new RawExchange(method, target.toString(), headers, body));
    }

    /** Random and broken JSON bodies on every endpoint that reads JSON. */
    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void hostileJsonBodies(@ForAll("jsonEndpoints") Endpoint endpoint, @ForAll("signedIn") String caller,
                           @ForAll("jsonBodies") byte[] body) throws IOException {
        List<String[]> headers = new ArrayList<>(authorization(caller));
        headers.add(new String[]{"Content-Type", "application/json"});
        check(endpoint.service(), new RawExchange(endpoint.method(), endpoint.path().replace("{id}", "fuzz-id"),
                headers, body));
    }

    /** Odd Content-Type and Accept headers, with bodies of every kind, on every endpoint. */
    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void oddContentTypesAndAcceptHeaders(@ForAll("endpoints") Endpoint endpoint, @ForAll("callers") String caller,
                                         @ForAll("contentTypes") String contentType, @ForAll("accepts") String accept,
                                         @ForAll("anyBodies") byte[] body) throws IOException {
        List<String[]> headers = new ArrayList<>(authorization(caller));
        if (!contentType.isEmpty()) {
            headers.add(new String[]{"Content-Type", contentType});
        }
        if (!accept.isEmpty()) {
            headers.add(new String[]{"Accept", accept});
        }
        check(endpoint.service(), new RawExchange(endpoint.method(), endpoint.path().replace("{id}", "fuzz-id"),
                headers, body));
    }

    /** OPML imports, rule-test YAML and multipart uploads, well-formed or not, as the admin and others. */
    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void hostileUploads(@ForAll("uploads") Tuple.Tuple3<Endpoint, String, byte[]> upload,
                        @ForAll("callers") String caller, @ForAll("ruleTestSizes") String n) throws IOException {
        List<String[]> headers = new ArrayList<>(authorization(caller));
        headers.add(new String[]{"Content-Type", upload.get2()});
        String target = upload.get1().path() + (upload.get1().query().contains("n") && !n.isEmpty() ? "?n=" + n : "");
        check(upload.get1().service(), new RawExchange(upload.get1().method(), target, headers, upload.get3()));
    }

    // ---- strict JSON: each refusal names the field ----

    @Example
    void ingestRefusesTrailingGarbageDuplicateKeysAndWrongTypes() throws IOException {
        assertRefused(Service.INGEST, "POST", "/api/feeds", "{\"url\": \"https://feeds.invalid/rss\"} xx",
                "malformed JSON (line 1, column 38): Unrecognized token 'xx': was expecting (JSON String, Number, "
                        + "Array, Object or token 'null', 'true' or 'false')");
        assertRefused(Service.INGEST, "POST", "/api/feeds", "{\"url\": \"https://feeds.invalid/rss\"} {}",
                "unexpected content after the JSON value (line 1, column 38)");
        assertRefused(Service.INGEST, "POST", "/api/feeds", "{\"url\": \"https://a.invalid/\", \"url\": \"b\"}",
                "duplicate field 'url' (line 1, column 36)");
        assertRefused(Service.INGEST, "POST", "/api/feeds", "{\"url\": [\"https://a.invalid/\"]}",
                "field 'url' must be a string (line 1, column 9)");
        assertRefused(Service.INGEST, "PATCH", "/api/feeds/fuzz-id", "{\"paused\": \"yes\"}",
                "field 'paused' must be true or false (line 1, column 12)");
    }

    @Example
    void classifyRefusesTrailingGarbageDuplicateKeysAndWrongTypes() throws IOException {
        assertRefused(Service.CLASSIFY, "POST", "/api/classify", "{\"title\": \"a\"} {}",
                "unexpected content after the JSON value (line 1, column 16)");
        assertRefused(Service.CLASSIFY, "POST", "/api/classify", "{\"title\": \"a\", \"title\": \"b\"}",
                "duplicate field 'title' (line 1, column 23)");
        assertRefused(Service.CLASSIFY, "POST", "/api/classify", "{\"text\": 5}",
                "field 'text' must be a string (line 1, column 10)");
    }

    @Example
    void searchRefusesTrailingGarbageDuplicateKeysAndWrongTypes() throws IOException {
        assertRefused(Service.SEARCH, "POST", "/api/subscriptions", "{\"name\": \"a\", \"query\": \"b\"} {}",
                "unexpected content after the JSON value (line 1, column 29)");
        assertRefused(Service.SEARCH, "POST", "/api/subscriptions", "{\"name\": \"a\", \"name\": \"b\"}",
                "duplicate field 'name' (line 1, column 21)");
        assertRefused(Service.SEARCH, "POST", "/api/subscriptions", "{\"name\": \"a\", \"topics\": \"blockade\"}",
                "field 'topics' must be a list (line 1, column 25)");
        assertRefused(Service.SEARCH, "PUT", "/api/subscriptions/fuzz-id", "{\"name\": 7}",
                "field 'name' must be a string (line 1, column 10)");
    }

    private static void assertRefused(Service service, String method, String path, String json, String error)
            throws IOException {
        List<String[]> headers = new ArrayList<>(authorization("admin"));
        headers.add(new String[]{"Content-Type", "application/json"});
        RawExchange exchange = new RawExchange(method, path, headers, json.getBytes(StandardCharsets.UTF_8));
        RawExchange.Answer answer = exchange.send(uri(service), ANSWER_WITHIN);
        assertThat(answer.status()).as("%s %s -> %s", service, exchange.describe(), answer.text()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("error").asText()).as("%s %s", service, json).isEqualTo(error);
    }

    // ---- the check every answer passes ----

    private static void check(Service service, RawExchange exchange) throws IOException {
        RawExchange.Answer answer;
        try {
            answer = exchange.send(uri(service), ANSWER_WITHIN);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + ANSWER_WITHIN.toSeconds() + " s from " + service + ": "
                    + exchange.describe(), e);
        }
        Statistics.label("status").collect(answer.status());
        String text = answer.text();
        String seen = service + " " + exchange.describe() + "\n-> " + answer.status() + " " + answer.headers()
                + "\n   " + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
        assertThat(answer.status()).as("a 5xx: %s", seen).isLessThan(500);
        for (String marker : STACK_TRACE_MARKERS) {
            assertThat(text).as("a stack trace: %s", seen).doesNotContain(marker);
        }
        if (!validUri(exchange.target())) {
            // http-edges' RequestUriCheck refuses what java.net.URI refuses (a raw '"' or '<', a broken %-escape)
            // before any route reads it; the {"error"} body is checked below (docs/SECURITY.md)
            assertThat(answer.status()).as("an invalid URI: %s", seen).isEqualTo(400);
            Statistics.label("request URI").collect("invalid");
        } else {
            Statistics.label("request URI").collect("valid");
        }
        if (answer.status() >= 400 && !exchange.method().equals("HEAD")) {
            assertThat(answer.header("content-type")).as("a 4xx not in JSON: %s", seen).startsWith("application/json");
            JsonNode error;
            try {
                error = JSON.readTree(answer.body()).path("error");
            } catch (IOException notJson) {
                throw new AssertionError("a 4xx whose body is not JSON: " + seen, notJson);
            }
            assertThat(error.isTextual() && !error.asText().isBlank()).as("a 4xx without {\"error\"}: %s", seen)
                    .isTrue();
        }
    }

    private static boolean validUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static URI uri(Service service) {
        return stack.service(switch (service) {
            case INGEST -> "ingest-service";
            case CLASSIFY -> "classify-service";
            case SEARCH -> "search-service";
        }).uri();
    }

    /** The Authorization header of a caller: a user of the stack, nobody, a wrong password or garbage. */
    private static List<String[]> authorization(String caller) {
        String value = switch (caller) {
            case "admin", "editor" -> stack.users().basicAuthorization(caller);
            case "anonymous" -> null;
            case "wrong-password" -> "Basic " + Base64.getEncoder()
                    .encodeToString("admin:not-the-password".getBytes(StandardCharsets.UTF_8));
            case "unknown-user" -> "Basic " + Base64.getEncoder()
                    .encodeToString("mallory:x".getBytes(StandardCharsets.UTF_8));
            default -> caller; // garbage, sent as it is
        };
        return value == null ? List.of() : List.<String[]>of(new String[]{"Authorization", value});
    }

    // ---- the generators ----

    @Provide
    Arbitrary<Endpoint> endpoints() {
        return Arbitraries.of(ENDPOINTS);
    }

    @Provide
    Arbitrary<Endpoint> jsonEndpoints() {
        return Arbitraries.of(ENDPOINTS.stream().filter(e -> e.body() == Body.JSON).toList());
    }

    @Provide
    Arbitrary<String> callers() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("admin")), Tuple.of(3, Arbitraries.of("editor")),
                Tuple.of(2, Arbitraries.of("anonymous")),
                Tuple.of(1, Arbitraries.of("wrong-password", "unknown-user", "Basic", "Basic !!!", "Basic YWRtaW4=",
                        "Bearer eyJhbGciOiJub25lIn0.e30.", "Digest x", "basic " + "A".repeat(3000), "\u00e9\u00e8")));
    }

    @Provide
    Arbitrary<String> signedIn() {
        return Arbitraries.of("admin", "admin", "editor");
    }

    @Provide
    Arbitrary<String> methods() {
        // mostly the endpoint's own method (""), else any other
        return Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE")));
    }

    /** Hostile text: injections, edges of numbers and dates, control characters, any Unicode, long runs. */
    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("", " ", "'", "\"", "\\", "%", "&", "=", "+", "#", "*", "?", "~", "^",
                        "../../../../etc/passwd", "..", ".", "<script>alert(1)</script>", "' OR '1'='1' --",
                        "${jndi:ldap://127.0.0.1:1/a}", "{{7*7}}", "#{7*7}", "\u0000", "\uFEFF", "\uD800", "\uDFFF",
                        "\u202E", "\uD835\uDD4F", "null", "true", "[]", "{}", "-1", "0", "2147483648",
                        "-9223372036854775809", "99999999999999999999", "1e309", "NaN", "Infinity", "0x10", "1.5",
                        "2023-13-45", "2023-02-30T25:61:00Z", "+292278994-08-17", "title:", "AND", "OR NOT",
                        "((((((((((", "\"unclosed", "a AND (b OR", "*:*", "topic:blockade", "/.*/", "a~99", "a^9999",
                        "field:[* TO *]", "\\u0000", "%00", "%2e%2e", "%ZZ", "\r\n", "\t", "ä", "Ünïcödé",
                        "Լաչին", "Лачин", "لاتشين")),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60)),
                Tuple.of(1, Arbitraries.strings().withChars('a', '(', '"', '*', ':').ofMinLength(500)
                        .ofMaxLength(6000)));
    }

    /** A value for {id}: hostile text percent-encoded, or raw bytes a URL should not hold. */
    @Provide
    Arbitrary<String> pathValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, hostile().map(v -> encode(v, 0).replace("+", "%20"))),
                Tuple.of(2, Arbitraries.of("%", "%Z", "%ZZ", "%C3%28", "%FF%FE", "%00", "%2F", "a%2Fb", "..", "%2e%2e",
                        ";a=b", "a;jsessionid=1", "//", "%E2%82", "\u00e9", "~", "!$&'()*+,;=:@")),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3000).ofMaxLength(6000)));
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> queries() {
        Arbitrary<String> names = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 99).map(i -> OWN_PARAMETER + i)),
                Tuple.of(1, hostile()));
        return Combinators.combine(names, hostile()).as(Tuple::of).list().ofMaxSize(6);
    }

    /** 0: percent-encoded UTF-8; 1: raw printable ASCII; 2: broken percent-encoding appended. */
    @Provide
    Arbitrary<Integer> queryEncodings() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0)), Tuple.of(2, Arbitraries.just(1)),
                Tuple.of(2, Arbitraries.just(2)));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("", "application/json", "application/json; charset=utf-8", "garbage",
                "application/json, text/plain", "text/plain", "text/plain; charset=utf-16",
                "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
                "multipart/form-data; boundary=fuzz", "application/yaml", "text/x-opml", "application/xml", "*/*",
                "application/*", "/", ";", "application/json; charset=ebcdic", "application/json; charset=\"",
                "application/json;;;", "text/event-stream", "application/octet-stream", "image/png",
                "application/json; boundary=x; q=0.1; a", "\u00e9/\u00e8");
    }

    @Provide
    Arbitrary<String> accepts() {
        return Arbitraries.of("", "*/*", "application/json", "text/html", "garbage", "application/xml",
                "text/event-stream", "application/json;q=0", "text/x-opml", "image/*", "*/*;q=abc", ",,,",
                "application/json, text/plain;q=0.5", "\u00e9");
    }

    /** JSON: random values, and objects with the endpoints' fields broken in the ways a client breaks them. */
    @Provide
    Arbitrary<byte[]> jsonBodies() {
        Arbitrary<String> object = jsonObject(3);
        return Arbitraries.frequencyOf(
                Tuple.of(3, object.map(FuzzBytes::utf8)),
                Tuple.of(1, jsonValue(3).map(FuzzBytes::utf8)),
                Tuple.of(2, Combinators.combine(object, Arbitraries.of(" x", "}", "{}", "]", ",", "\u0000", " null",
                        "{\"a\":1}", "\n\n[", " // comment", " /* */")).as((o, tail) -> FuzzBytes.utf8(o + tail))),
                Tuple.of(2, Combinators.combine(object, Arbitraries.of(FIELDS), jsonValue(1))
                        .as((o, field, value) -> FuzzBytes.utf8(duplicate(o, field, value)))),
                Tuple.of(1, Arbitraries.integers().between(100, 20_000).map(FuzzBytes::deepNesting)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.integers().between(10_000, 400_000))
                        .as(FuzzBytes::hugeString)),
                Tuple.of(1, Arbitraries.of(FuzzBytes.INVALID_UTF8).map(FuzzBytes::inAJsonString)),
                Tuple.of(1, Combinators.combine(object, Arbitraries.integers().between(0, 100))
                        .as((o, cut) -> FuzzBytes.utf8(o.substring(0, o.length() * cut / 100)))),
                Tuple.of(1, hostile().map(FuzzBytes::utf8)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
    }

    @Provide
    Arbitrary<byte[]> anyBodies() {
        return Arbitraries.oneOf(Arbitraries.just(new byte[0]), jsonBodies(), opmlDocuments(), ruleDocuments(),
                multipartBodies());
    }

    /** (endpoint, Content-Type, body) of an upload: OPML to the import, YAML or multipart to the rule test. */
    @Provide
    Arbitrary<Tuple.Tuple3<Endpoint, String, byte[]>> uploads() {
        Endpoint opml = endpoint("POST", "/api/feeds/opml");
        Endpoint rules = endpoint("POST", "/api/rules/test");
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(Arbitraries.of("text/x-opml", "application/xml", "text/xml",
                        "text/plain", "application/octet-stream"), opmlDocuments()).as((t, b) -> Tuple.of(opml, t, b))),
                Tuple.of(2, Combinators.combine(Arbitraries.of("application/yaml", "text/yaml", "text/plain",
                        "application/x-yaml"), ruleDocuments()).as((t, b) -> Tuple.of(rules, t, b))),
                Tuple.of(3, Combinators.combine(Arbitraries.of(opml, rules), multipartBodies())
                        .as((e, b) -> Tuple.of(e, "multipart/form-data; boundary=" + FuzzBytes.BOUNDARY, b))));
    }

    @Provide
    Arbitrary<String> ruleTestSizes() {
        return Arbitraries.of("", "", "1", "0", "-1", "100001", "abc", "1e3", "5", "%00", "99999999999");
    }

    /** OPML: lists of hostile outlines, broken XML, DOCTYPEs, entity tricks, deep folders. */
    @Provide
    Arbitrary<byte[]> opmlDocuments() {
        Arbitrary<String> outline = Combinators.combine(Arbitraries.of("https://feeds.invalid/rss",
                        "http://10.0.0.1/rss", "http://127.0.0.1:1/", "file:///etc/passwd", "gopher://x", "", "javascript:x",
                        "http://[::1]/", "http://169.254.169.254/latest/meta-data/"), hostile())
                .as((url, name) -> "<outline type=\"rss\" xmlUrl=\"" + xml(url) + "\" text=\"" + xml(name) + "\"/>");
        Arbitrary<String> wellFormed = outline.list().ofMaxSize(6).map(list ->
                "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>" + String.join("", list) + "</body></opml>");
        return Arbitraries.frequencyOf(
                Tuple.of(3, wellFormed.map(FuzzBytes::utf8)),
                Tuple.of(1, Combinators.combine(wellFormed, Arbitraries.integers().between(0, 100))
                        .as((d, cut) -> FuzzBytes.utf8(d.substring(0, d.length() * cut / 100)))),
                Tuple.of(2, Arbitraries.of(FuzzBytes.HOSTILE_XML).map(FuzzBytes::utf8)),
                Tuple.of(1, Arbitraries.integers().between(100, 5000).map(FuzzBytes::deepOpml)),
                Tuple.of(1, hostile().map(FuzzBytes::utf8)));
    }

    /** Taxonomy YAML for the rule test: broken, hostile (aliases, tags), or random text. */
    @Provide
    Arbitrary<byte[]> ruleDocuments() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(FuzzBytes.HOSTILE_YAML).map(FuzzBytes::utf8)),
                Tuple.of(1, hostile().map(FuzzBytes::utf8)),
                Tuple.of(1, Combinators.combine(hostile(), hostile()).as((id, rule) -> FuzzBytes.utf8(
                        "version: fuzz\ntopics:\n  - id: " + id + "\n    label: x\n    rules:\n      - \"" + rule
                                + "\"\n"))));
    }

    /** multipart/form-data with the rule test's parts, others, or broken framing. */
    @Provide
    Arbitrary<byte[]> multipartBodies() {
        Arbitrary<String> partName = Arbitraries.of("taxonomy", "articles", "file", "", "taxonomy\"; x=\"y", "\u00e9");
        Arbitrary<byte[]> content = Arbitraries.oneOf(ruleDocuments(), jsonBodies(), opmlDocuments());
        Arbitrary<List<Tuple.Tuple2<String, byte[]>>> parts = Combinators.combine(partName, content).as(Tuple::of)
                .list().ofMaxSize(3);
        return Combinators.combine(parts, Arbitraries.of(true, true, false)).as(FuzzBytes::multipart);
    }

    // ---- helpers ----

    private static Endpoint endpoint(String method, String path) {
        return ENDPOINTS.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst()
                .orElseThrow();
    }

    private static String encode(String value, int encoding) {
        return switch (encoding) {
            case 1 -> value.codePoints().filter(c -> c > ' ' && c < 127 && c != '#' && c != '&')
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            case 2 -> URLEncoder.encode(value, StandardCharsets.UTF_8) + "%E2%82%";
            default -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        };
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static String duplicate(String object, String field, String value) {
        return object.length() < 2 ? object : "{\"" + field + "\": " + value + ", \"" + field + "\": "
                + value + (object.equals("{}") ? "" : ", ") + object.substring(1);
    }

    private Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                hostile().map(FuzzBytes::jsonString),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1e309", "-0", "0.1", "123456789012345678901234567890",
                        "1.5e-400", "-2147483649"));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(Tuple.of(4, scalar),
                Tuple.of(1, Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(4)
                        .map(values -> "[" + String.join(",", values) + "]")),
                Tuple.of(1, Arbitraries.lazy(() -> jsonObject(depth - 1))));
    }

    private Arbitrary<String> jsonObject(int depth) {
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(FIELDS)), Tuple.of(1, hostile()));
        Arbitrary<String> value = depth == 0 ? jsonValue(0) : Arbitraries.lazy(() -> jsonValue(depth - 1));
        return Combinators.combine(name, value).as((n, v) -> FuzzBytes.jsonString(n) + ": " + v).list().ofMaxSize(5)
                .map(members -> "{" + String.join(", ", members) + "}");
    }
}
