package org.newsroommonitor.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsroommonitor.localstack.LocalStack;
import org.newsroommonitor.localstack.TransportSecurity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The local stack in its secured mode ({@code NEWSROOM_SECURE_TRANSPORT=true}): Kafka's only client listener is
 * SASL_SSL with SCRAM-SHA-512, Elasticsearch answers HTTPS only with security on, and the three packaged services
 * authenticate to both with the credentials the stack made. The sample articles go feed -> ingest -> Kafka ->
 * classify -> Kafka -> search -> Elasticsearch -> search API; a client without the right credentials gets nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureTransportEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient PLAIN_HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int SAMPLE_ARTICLES = 6;
    private static final String FLOUR_TITLE = "Stepanakert turns down Azerbaijani flour shipment, insists on Lachin corridor";
    private static final String TRUCK_TITLE = "Russian Red Cross truck with 15 tonnes of food reaches Karabakh via Aghdam";

    private static TemporaryStack temporaryStack;
    private static LocalStack stack;
    private static TransportSecurity security;

    @BeforeAll
    static void startSecuredStack() throws IOException {
        temporaryStack = new TemporaryStack("secured", Duration.ofSeconds(3));
        stack = temporaryStack.startSecured();
        security = stack.transportSecurity().orElseThrow();
    }

    @AfterAll
    static void stopStack() throws IOException {
        if (temporaryStack != null) {
            temporaryStack.close();
        }
    }

    @Test
    @Order(1)
    void theSampleArticlesTravelThroughTheSecuredKafkaAndElasticsearch() throws Exception {
        JsonNode lachin = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> search("q=Lachin"), r -> r.path("total").asInt() == 2);

        List<String> titles = StreamSupport.stream(lachin.path("hits").spliterator(), false)
                .map(h -> h.path("title").asText()).toList();
        assertThat(titles).containsExactlyInAnyOrder(FLOUR_TITLE, TRUCK_TITLE);
        JsonNode truck = StreamSupport.stream(lachin.path("hits").spliterator(), false)
                .filter(h -> h.path("title").asText().equals(TRUCK_TITLE)).findFirst().orElseThrow();
        assertThat(truck.path("topics").findValuesAsText("id")).contains("blockade", "humanitarian-aid", "food-security");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> search("size=100").path("total").asInt() == SAMPLE_ARTICLES);
        // the index itself, read over HTTPS as the stack's Elasticsearch admin
        HttpResponse<String> count = elasticsearch("/news-articles/_count", TransportSecurity.ES_ADMIN,
                security.elasticsearchPassword(TransportSecurity.ES_ADMIN));
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        assertThat(JSON.readTree(count.body()).path("count").asInt()).isEqualTo(SAMPLE_ARTICLES);
    }

    @Test
    @Order(2)
    void theServicesAreKafkaClientsOfTheSecuredBrokerUnderTheirOwnUsers() throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            var groups = admin.describeConsumerGroups(List.of("classify-service", "search-service")).all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(groups.get("classify-service").members()).isNotEmpty();
            assertThat(groups.get("search-service").members()).isNotEmpty();
        }
        assertThat(stack.kafka().bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(Files.readString(stack.kafka().config().directory().resolve("server.properties")))
                .contains("listeners=SASL_SSL://127.0.0.1:" + stack.settings().kafkaPort() + ",CONTROLLER://")
                .contains("listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT")
                .doesNotContain("PLAINTEXT://");
    }

    @Test
    @Order(3)
    void aKafkaClientWithAWrongPasswordOrAnUnknownUserIsRefused() {
        for (Map<String, Object> credentials : List.of(
                security.kafkaClientProperties("search-service", "not-the-password"),
                security.kafkaClientProperties("nobody", security.kafkaPassword("search-service")))) {
            assertThatThrownBy(() -> describeCluster(credentials))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("Authentication failed during authentication due to invalid credentials "
                            + "with SASL mechanism SCRAM-SHA-512");
        }
    }

    @Test
    @Order(4)
    void aKafkaClientWithoutTlsAndCredentialsGetsNothing() {
        // PLAINTEXT against the TLS listener: no answer the client can read, so no metadata at all
        assertThatThrownBy(() -> describeCluster(Map.of("security.protocol", "PLAINTEXT")))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class)
                .hasMessageContaining("Timed out waiting for a node assignment");
    }

    @Test
    @Order(5)
    void elasticsearchRefusesPlainHttpMissingAndWrongCredentials() throws Exception {
        URI plain = URI.create("http://" + stack.elasticsearch().hostAndPort() + "/_cluster/health");
        assertThatThrownBy(() -> PLAIN_HTTP.send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()))
                .as("plain HTTP to the HTTPS port").isInstanceOf(IOException.class);

        HttpResponse<String> anonymous = stack.elasticsearch().httpClient().send(HttpRequest.newBuilder(
                        stack.elasticsearch().httpUri().resolve("/news-articles/_search")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).path("error").path("reason").asText())
                .isEqualTo("missing authentication credentials for REST request [/news-articles/_search]");

        HttpResponse<String> wrong = elasticsearch("/news-articles/_search", TransportSecurity.ES_SERVICE_USER, "wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).path("error").path("reason").asText())
                .isEqualTo("unable to authenticate user [" + TransportSecurity.ES_SERVICE_USER + "] for REST request "
                        + "[/news-articles/_search]");
    }

    @Test
    @Order(6)
    void searchServicesElasticsearchUserReachesItsIndicesOnly() throws Exception {
        String password = security.elasticsearchPassword(TransportSecurity.ES_SERVICE_USER);
        assertThat(elasticsearch("/news-articles/_count", TransportSecurity.ES_SERVICE_USER, password).statusCode())
                .isEqualTo(200);
        HttpResponse<String> other = elasticsearch("/_security/user", TransportSecurity.ES_SERVICE_USER, password);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(other.body()).path("error").path("reason").asText())
                .startsWith("action [cluster:admin/xpack/security/user/get] is unauthorized for user ["
                        + TransportSecurity.ES_SERVICE_USER + "]");
    }

    private static void describeCluster(Map<String, Object> clientProperties) throws Exception {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        try (Admin admin = Admin.create(properties)) {
            admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> elasticsearch(String path, String user, String password) throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return stack.elasticsearch().httpClient().send(HttpRequest.newBuilder(stack.elasticsearch().httpUri().resolve(path))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode search(String query) throws IOException, InterruptedException {
        URI uri = stack.service("search-service").uri().resolve("/api/search?" + query);
        HttpResponse<String> response = PLAIN_HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Authorization", stack.users().basicAuthorization("editor")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s -> %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
