package org.newsroommonitor.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroommonitor.k8s.Manifests.name;
import static org.newsroommonitor.k8s.Manifests.stream;

/**
 * The services reach Kafka and Elasticsearch on Kubernetes with the same settings the local stack's secured mode
 * gives them (docs/SECURITY.md, "Transport security"): every service authenticates to Kafka over TLS with
 * SCRAM-SHA-512 as its own KafkaUser ({@code KAFKA_SASL_JAAS_CONFIG} from Strimzi's Secret of that user), trusting
 * the cluster CA mounted from {@code <cluster>-cluster-ca-cert}; search-service reaches Elasticsearch over HTTPS with
 * ECK's user and password, its client trusting the CA of {@code <es>-es-http-certs-public}. Rendered from every
 * overlay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportSecurityWiringTest {

    private static final List<String> SERVICES = List.of("ingest-service", "classify-service", "search-service");
    private final Map<String, Manifests> rendered = new LinkedHashMap<>();

    @BeforeAll
    void renderEveryOverlay() throws IOException {
        Path k8sDir = Path.of(System.getProperty("newsroom.k8s.dir", ".")).toAbsolutePath().normalize();
        Kustomize kustomize = Kustomize.locate();
        try (Stream<Path> overlays = Files.list(k8sDir.resolve("overlays"))) {
            for (Path overlay : overlays.filter(Files::isDirectory).sorted().toList()) {
                rendered.put(overlay.getFileName().toString(),
                        new Manifests(overlay.getFileName().toString(), kustomize.render(overlay)));
            }
        }
        assertThat(rendered).containsKeys("dev", "prod");
    }

    Stream<Manifests> overlays() {
        return rendered.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceAuthenticatesToKafkaOverTlsAsItsOwnScramUser(Manifests overlay) {
        JsonNode kafka = overlay.ofKind("Kafka").findFirst().orElseThrow(() -> new AssertionError(overlay + ": no Kafka"));
        List<JsonNode> listeners = stream(kafka.path("spec").path("kafka").path("listeners")).toList();
        assertThat(listeners).as("%s: Kafka listeners", overlay).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).as("%s: listener %s has TLS", overlay, listener.path("name")).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        });
        for (String service : SERVICES) {
            String s = overlay + "/" + service;
            JsonNode deployment = overlay.find("Deployment", service).orElseThrow();
            JsonNode container = mainContainer(deployment);
            Map<String, String> env = environment(overlay, container);

            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(bootstrap).as("%s: bootstrap", s).isEqualTo(name(kafka) + "-kafka-bootstrap:"
                    + listeners.getFirst().path("port").asInt());
            assertThat(env).as("%s: Kafka client settings", s)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");

            JsonNode jaas = secretKeyRef(container, "KAFKA_SASL_JAAS_CONFIG")
                    .orElseThrow(() -> new AssertionError(s + ": KAFKA_SASL_JAAS_CONFIG from no Secret"));
            assertThat(jaas.path("name").asText()).as("%s: JAAS Secret", s).isEqualTo(service);
            assertThat(jaas.path("key").asText()).as("%s: JAAS key", s).isEqualTo("sasl.jaas.config");
            JsonNode user = overlay.find("KafkaUser", service)
                    .orElseThrow(() -> new AssertionError(s + ": no KafkaUser " + service));
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(name(kafka));

            assertThat(secretFileAt(deployment, container, env.get("KAFKA_SSL_TRUSTSTORE_LOCATION")))
                    .as("%s: the Kafka trust store file comes from the cluster CA Secret", s)
                    .isEqualTo(name(kafka) + "-cluster-ca-cert/ca.crt");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void searchServiceReachesElasticsearchOverHttpsWithEcksUserAndCa(Manifests overlay) {
        JsonNode es = overlay.ofKind("Elasticsearch").findFirst().orElseThrow();
        JsonNode deployment = overlay.find("Deployment", "search-service").orElseThrow();
        JsonNode container = mainContainer(deployment);
        Map<String, String> env = environment(overlay, container);

        assertThat(env).containsEntry("QUARKUS_ELASTICSEARCH_PROTOCOL", "https")
                .containsEntry("QUARKUS_ELASTICSEARCH_HOSTS", name(es) + "-es-http:9200");
        String user = env.get("QUARKUS_ELASTICSEARCH_USERNAME");
        JsonNode password = secretKeyRef(container, "QUARKUS_ELASTICSEARCH_PASSWORD")
                .orElseThrow(() -> new AssertionError(overlay + ": QUARKUS_ELASTICSEARCH_PASSWORD from no Secret"));
        // ECK's <es>-es-elastic-user Secret holds one key: the user's name, with its password as the value
        assertThat(password.path("name").asText()).isEqualTo(name(es) + "-es-elastic-user");
        assertThat(password.path("key").asText()).isEqualTo(user);

        // the Elasticsearch client alone trusts ECK's CA; the JVM's default trust store stays (OIDC, ...)
        assertThat(secretFileAt(deployment, container, env.get("NEWSROOM_ELASTICSEARCH_CA_FILE")))
                .isEqualTo(name(es) + "-es-http-certs-public/ca.crt");
        assertThat(env.getOrDefault("JAVA_TOOL_OPTIONS", "")).doesNotContain("javax.net.ssl");
    }

    /** The environment of a container: its ConfigMaps' entries (envFrom) overridden by its literal env values. */
    private static Map<String, String> environment(Manifests overlay, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        stream(container.path("envFrom")).map(e -> e.path("configMapRef").path("name").asText())
                .filter(n -> !n.isEmpty())
                .forEach(configMap -> overlay.find("ConfigMap", configMap)
                        .orElseThrow(() -> new AssertionError("no ConfigMap " + configMap))
                        .path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText())));
        stream(container.path("env")).filter(e -> e.has("value"))
                .forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    private static JsonNode mainContainer(JsonNode deployment) {
        return stream(deployment.path("spec").path("template").path("spec").path("containers"))
                .filter(c -> c.path("name").asText().equals(name(deployment))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name(deployment)));
    }

    private static Optional<JsonNode> secretKeyRef(JsonNode container, String variable) {
        return stream(container.path("env")).filter(e -> e.path("name").asText().equals(variable))
                .map(e -> e.path("valueFrom").path("secretKeyRef")).filter(r -> !r.isMissingNode()).findFirst();
    }

    /** {@code <secret>/<key>} of the file at {@code path} in {@code container}, or "" when no Secret volume holds it. */
    private static String secretFileAt(JsonNode deployment, JsonNode container, String path) {
        assertThat(path).as("a file path").isNotBlank();
        for (JsonNode mount : stream(container.path("volumeMounts")).toList()) {
            String mountPath = mount.path("mountPath").asText();
            if (!path.startsWith(mountPath + "/")) {
                continue;
            }
            String file = path.substring(mountPath.length() + 1);
            JsonNode volume = stream(deployment.path("spec").path("template").path("spec").path("volumes"))
                    .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
            JsonNode secret = volume.path("secret");
            if (secret.isMissingNode()) {
                return "";
            }
            List<JsonNode> items = stream(secret.path("items")).toList();
            String key = items.isEmpty() ? file : items.stream().filter(i -> i.path("path").asText().equals(file))
                    .map(i -> i.path("key").asText()).findFirst().orElse("");
            return secret.path("secretName").asText() + "/" + key;
        }
        return "";
    }
}
