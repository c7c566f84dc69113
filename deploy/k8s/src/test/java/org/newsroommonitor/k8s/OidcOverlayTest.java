package org.newsroommonitor.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroommonitor.k8s.Manifests.name;
import static org.newsroommonitor.k8s.Manifests.stream;

/**
 * Who may call the services on Kubernetes (docs/SECURITY.md#production-oidc-bearer-tokens): in prod every service
 * accepts the OIDC bearer tokens of one issuer, for one audience, with the roles where Keycloak puts them, from
 * configuration that holds no secret; dev keeps the services' default (OIDC off).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcOverlayTest {

    private static final List<String> SERVICES = List.of("ingest-service", "classify-service", "search-service");

    private Manifests dev;
    private Manifests prod;

    @BeforeAll
    void render() {
        Path k8sDir = Path.of(System.getProperty("newsroom.k8s.dir", ".")).toAbsolutePath().normalize();
        Kustomize kustomize = Kustomize.locate();
        dev = new Manifests("dev", kustomize.render(k8sDir.resolve("overlays/dev")));
        prod = new Manifests("prod", kustomize.render(k8sDir.resolve("overlays/prod")));
    }

    @Test
    void everyProdServiceAcceptsTheSameIssuersTokensWithKeycloaksRoles() {
        Map<String, String> first = null;
        for (String service : SERVICES) {
            Map<String, String> env = configMapEnvironment(prod, service);
            assertThat(env).as("prod %s: OIDC settings", service)
                    .containsEntry("QUARKUS_OIDC_TENANT_ENABLED", "true")
                    .containsEntry("QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH", "realm_access/roles")
                    .containsKeys("QUARKUS_OIDC_CLIENT_ID", "QUARKUS_OIDC_TOKEN_AUDIENCE");
            assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).as("prod %s: the issuer", service)
                    .matches("https://[^/]+/realms/[^/]+");
            assertThat(env.get("QUARKUS_OIDC_TOKEN_AUDIENCE")).isNotBlank();
            // the principal claim is http-edges' default (preferred_username), not restated here
            assertThat(env).doesNotContainKey("QUARKUS_OIDC_TOKEN_PRINCIPAL_CLAIM");
            Map<String, String> oidc = new LinkedHashMap<>(env);
            oidc.keySet().removeIf(key -> !key.startsWith("QUARKUS_OIDC_"));
            if (first == null) {
                first = oidc;
            } else {
                assertThat(oidc).as("prod %s: the same OIDC settings as %s", service, SERVICES.get(0))
                        .isEqualTo(first);
            }
        }
    }

    @Test
    void prodServicesMayReachAnHttpsIssuer() {
        for (String service : SERVICES) {
            JsonNode podLabels = prod.find("Deployment", service).orElseThrow()
                    .path("spec").path("template").path("metadata").path("labels");
            boolean allowed = prod.ofKind("NetworkPolicy")
                    .filter(policy -> stream(policy.path("spec").path("policyTypes"))
                            .anyMatch(type -> type.asText().equals("Egress")))
                    .filter(policy -> policy.path("spec").path("podSelector").path("matchLabels").properties()
                            .stream().allMatch(e -> e.getValue().asText().equals(podLabels.path(e.getKey()).asText())))
                    .flatMap(policy -> stream(policy.path("spec").path("egress")))
                    .filter(rule -> stream(rule.path("to"))
                            .anyMatch(to -> to.path("ipBlock").path("cidr").asText().equals("0.0.0.0/0")))
                    .anyMatch(rule -> stream(rule.path("ports")).anyMatch(port -> port.path("port").asInt() == 443));
            assertThat(allowed).as("prod %s: egress to the issuer over HTTPS (443)", service).isTrue();
        }
    }

    @Test
    void noOidcSecretIsInAConfigMap() {
        for (Manifests overlay : List.of(dev, prod)) {
            // a client secret (QUARKUS_OIDC_CREDENTIALS_SECRET) belongs in a Secret; bearer tokens need none
            overlay.ofKind("ConfigMap").forEach(configMap -> configMap.path("data").fieldNames().forEachRemaining(
                    key -> assertThat(key).as("%s ConfigMap %s", overlay, name(configMap))
                            .satisfiesAnyOf(k -> assertThat(k).doesNotStartWith("QUARKUS_OIDC_"),
                                    k -> assertThat(k).doesNotContain("CREDENTIALS", "SECRET", "PASSWORD"))));
        }
    }

    @Test
    void devKeepsTheServicesDefaultOidcOff() {
        for (String service : SERVICES) {
            assertThat(configMapEnvironment(dev, service)).as("dev %s", service)
                    .doesNotContainKey("QUARKUS_OIDC_TENANT_ENABLED");
        }
    }

    /** The environment a service's container gets from its ConfigMaps (envFrom), later ones overriding earlier. */
    private static Map<String, String> configMapEnvironment(Manifests overlay, String service) {
        JsonNode deployment = overlay.find("Deployment", service)
                .orElseThrow(() -> new AssertionError(overlay + ": no Deployment " + service));
        JsonNode container = stream(deployment.path("spec").path("template").path("spec").path("containers"))
                .filter(c -> c.path("name").asText().equals(service)).findFirst().orElseThrow();
        Map<String, String> env = new LinkedHashMap<>();
        stream(container.path("envFrom")).map(e -> e.path("configMapRef").path("name"))
                .filter(n -> !n.isMissingNode())
                .forEach(n -> overlay.find("ConfigMap", n.asText()).orElseThrow(
                                () -> new AssertionError(overlay + ": no ConfigMap " + n.asText()))
                        .path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText())));
        return env;
    }
}
