package org.newsroommonitor.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroommonitor.k8s.Manifests.allContainers;
import static org.newsroommonitor.k8s.Manifests.name;
import static org.newsroommonitor.k8s.Manifests.stream;

/**
 * Renders every overlay under {@code overlays/} with Kustomize and checks the invariants of the deployment against the
 * services as they are in the repository: probes, resources, security context and images of every Deployment; a
 * KafkaTopic for every topic a service names; KafkaUser ACLs equal to what each service reads and writes; every
 * ConfigMap and Secret a Deployment uses either in the overlay or created by an operator for a resource in the overlay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverlayInvariantsTest {

    private static final Set<String> EXPECTED_OVERLAYS = Set.of("dev", "prod");
    private static final List<String> DASHBOARD_METRICS = List.of(
            "newsroom_ingest_articles_published_total", "newsroom_ingest_fetches_total", "newsroom_classify_articles_total",
            "newsroom_classify_failures_total", "newsroom_search_indexed_total", "newsroom_search_index_failures_total",
            "kafka_consumergroup_lag");

    private Path k8sDir;
    private Path repoRoot;
    private List<ServiceKafkaUsage> services;
    private final Map<String, Manifests> rendered = new LinkedHashMap<>();

    @BeforeAll
    void renderEveryOverlay() throws IOException {
        k8sDir = Path.of(System.getProperty("newsroom.k8s.dir", ".")).toAbsolutePath().normalize();
        repoRoot = repoRoot(k8sDir);
        services = ServiceKafkaUsage.of(repoRoot);
        assertThat(services).as("services found under %s", repoRoot).extracting(ServiceKafkaUsage::service)
                .contains("ingest-service", "classify-service", "search-service");
        Kustomize kustomize = Kustomize.locate();
        try (Stream<Path> overlays = Files.list(k8sDir.resolve("overlays"))) {
            for (Path overlay : overlays.filter(Files::isDirectory).sorted().toList()) {
                String name = overlay.getFileName().toString();
                rendered.put(name, new Manifests(name, kustomize.render(overlay)));
            }
        }
    }

    /** newsroom.repo.root is the reactor root when built from the root; from this directory alone it is this directory. */
    private static Path repoRoot(Path k8sDir) {
        String configured = System.getProperty("newsroom.repo.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "deploy", "k8s"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return k8sDir.resolve("../..").normalize();
    }

    Stream<Manifests> overlays() {
        return rendered.values().stream();
    }

    @Test
    void everyOverlayRendersToResourcesInTheNewsroomNamespace() {
        assertThat(rendered.keySet()).containsAll(EXPECTED_OVERLAYS);
        for (Manifests overlay : rendered.values()) {
            assertThat(overlay.documents()).as(overlay.overlay()).isNotEmpty();
            for (JsonNode doc : overlay.documents()) {
                assertThat(doc.path("apiVersion").asText()).as("apiVersion of %s", doc.path("metadata")).isNotBlank();
                assertThat(name(doc)).as("name of a %s", doc.path("kind")).isNotBlank();
                if (!doc.path("kind").asText().equals("Namespace")) {
                    assertThat(doc.path("metadata").path("namespace").asText())
                            .as("%s: namespace of %s %s", overlay, doc.path("kind").asText(), name(doc)).isEqualTo("newsroom");
                }
            }
            assertThat(overlay.ofKind("Deployment").map(Manifests::name))
                    .as("%s: one Deployment per service", overlay).containsExactlyInAnyOrderElementsOf(
                            services.stream().map(ServiceKafkaUsage::service).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentHasQuarkusProbesResourcesAPinnedImageAndARestrictedSecurityContext(Manifests overlay) {
        for (JsonNode deployment : overlay.ofKind("Deployment").toList()) {
            String d = overlay + "/" + name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            assertThat(podSecurity.path("runAsNonRoot").asBoolean()).as("%s: runAsNonRoot", d).isTrue();
            assertThat(podSecurity.path("runAsUser").asInt(0)).as("%s: runAsUser", d).isPositive();
            assertThat(podSecurity.path("seccompProfile").path("type").asText()).as("%s: seccomp", d).isEqualTo("RuntimeDefault");

            Set<String> volumesMountedAtTmp = new TreeSet<>();
            List<JsonNode> containers = allContainers(deployment).toList();
            assertThat(containers).as("%s: containers", d).isNotEmpty();
            for (JsonNode container : containers) {
                String c = d + "/" + container.path("name").asText();
                String image = container.path("image").asText();
                assertThat(image).as("%s: image", c).isNotBlank();
                String lastSegment = image.substring(image.lastIndexOf('/') + 1);
                assertThat(lastSegment.contains(":") || image.contains("@sha256:"))
                        .as("%s: image %s has a tag or digest", c, image).isTrue();
                assertThat(image).as("%s: image", c).doesNotEndWith(":latest");

                JsonNode resources = container.path("resources");
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(resources.path(kind).path(resource).asText())
                                .as("%s: resources.%s.%s", c, kind, resource).isNotBlank();
                    }
                }
                assertThat(resources.path("requests").path("memory").asText())
                        .as("%s: memory request = limit (never OOM-killed for a neighbour)", c)
                        .isEqualTo(resources.path("limits").path("memory").asText());

                JsonNode security = container.path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").isBoolean() && !security.path("allowPrivilegeEscalation").asBoolean())
                        .as("%s: allowPrivilegeEscalation false", c).isTrue();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as("%s: readOnlyRootFilesystem", c).isTrue();
                assertThat(stream(security.path("capabilities").path("drop")).map(JsonNode::asText))
                        .as("%s: capabilities drop", c).contains("ALL");
                assertThat(security.path("privileged").asBoolean(false)).as("%s: privileged", c).isFalse();
                stream(container.path("volumeMounts")).filter(m -> m.path("mountPath").asText().equals("/tmp"))
                        .forEach(m -> volumesMountedAtTmp.add(m.path("name").asText()));
            }
            assertThat(volumesMountedAtTmp).as("%s: a volume at /tmp (the root filesystem is read-only)", d).isNotEmpty();
            for (String tmp : volumesMountedAtTmp) {
                assertThat(stream(pod.path("volumes")).filter(v -> v.path("name").asText().equals(tmp))
                        .anyMatch(v -> v.has("emptyDir"))).as("%s: volume %s is an emptyDir", d, tmp).isTrue();
            }

            for (JsonNode container : stream(pod.path("containers")).toList()) {
                String c = d + "/" + container.path("name").asText();
                assertProbe(c, container, "startupProbe", "/q/health/started");
                assertProbe(c, container, "livenessProbe", "/q/health/live");
                assertProbe(c, container, "readinessProbe", "/q/health/ready");
            }
        }
    }

    private static void assertProbe(String container, JsonNode spec, String probe, String path) {
        JsonNode get = spec.path(probe).path("httpGet");
        assertThat(get.path("path").asText()).as("%s: %s path", container, probe).isEqualTo(path);
        JsonNode port = get.path("port");
        boolean portExists = stream(spec.path("ports")).anyMatch(p -> port.isInt()
                ? p.path("containerPort").asInt() == port.asInt()
                : p.path("name").asText().equals(port.asText()));
        assertThat(portExists).as("%s: %s port %s is a container port", container, probe, port).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyTopicAServiceNamesHasAKafkaTopicOfTheOverlaysKafkaCluster(Manifests overlay) {
        Set<String> kafkaClusters = overlay.ofKind("Kafka").map(Manifests::name).collect(Collectors.toSet());
        assertThat(kafkaClusters).as("%s: Kafka clusters", overlay).isNotEmpty();
        Map<String, JsonNode> topics = overlay.ofKind("KafkaTopic")
                .collect(Collectors.toMap(Manifests::topicName, t -> t));
        int brokers = overlay.ofKind("KafkaNodePool")
                .filter(p -> stream(p.path("spec").path("roles")).anyMatch(r -> r.asText().equals("broker")))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        for (ServiceKafkaUsage service : services) {
            for (String topic : service.allTopics()) {
                assertThat(topics).as("%s: KafkaTopic for %s (used by %s)", overlay, topic, service.service()).containsKey(topic);
            }
        }
        for (JsonNode topic : topics.values()) {
            String t = overlay + "/" + Manifests.topicName(topic);
            assertThat(kafkaClusters).as("%s: strimzi.io/cluster", t)
                    .contains(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            int replicas = topic.path("spec").path("replicas").asInt();
            assertThat(replicas).as("%s: replicas <= %d brokers", t, brokers).isBetween(1, brokers);
            int minIsr = topic.path("spec").path("config").path("min.insync.replicas").asInt(1);
            assertThat(minIsr).as("%s: min.insync.replicas leaves room for one broker down (or is 1 on one broker)", t)
                    .isLessThanOrEqualTo(Math.max(1, replicas - 1));
            assertThat(topic.path("spec").path("partitions").asInt()).as("%s: partitions", t).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyKafkaUserIsAllowedExactlyWhatItsServiceReadsAndWrites(Manifests overlay) {
        for (ServiceKafkaUsage service : services) {
            if (!service.usesKafka()) {
                continue;
            }
            JsonNode user = overlay.find("KafkaUser", service.service()).orElseThrow(() -> new AssertionError(
                    overlay + ": no KafkaUser " + service.service() + " for a service that uses Kafka"));
            Set<String> expected = new TreeSet<>();
            service.readTopics().forEach(t -> {
                expected.add("topic " + t + " Read");
                expected.add("topic " + t + " Describe");
            });
            service.groups().forEach(g -> expected.add("group " + g + " Read"));
            service.writtenTopics().forEach(t -> {
                expected.add("topic " + t + " Write");
                expected.add("topic " + t + " Describe");
            });
            assertThat(acls(user)).as("%s: ACLs of KafkaUser %s (from %s's application.properties)",
                    overlay, service.service(), service.service()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(user.path("spec").path("authentication").path("type").asText())
                    .as("%s: authentication of %s", overlay, service.service()).isIn("scram-sha-512", "tls");

            JsonNode deployment = overlay.find("Deployment", service.service()).orElseThrow();
            assertThat(secretsReferencedBy(deployment)).as("%s: %s uses its KafkaUser's Secret", overlay, service.service())
                    .contains(service.service());
        }
        Set<String> serviceNames = services.stream().map(ServiceKafkaUsage::service).collect(Collectors.toSet());
        overlay.ofKind("KafkaUser").filter(u -> !serviceNames.contains(name(u))).forEach(other ->
                assertThat(acls(other)).as("%s: KafkaUser %s is not a service: Describe only", overlay, name(other))
                        .allMatch(acl -> acl.endsWith(" Describe")));
    }

    private static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : stream(user.path("spec").path("authorization").path("acls")).toList()) {
            JsonNode resource = acl.path("resource");
            String pattern = resource.path("patternType").asText("literal");
            assertThat(pattern).as("ACL pattern of %s", name(user)).isIn("literal", "prefix");
            assertThat(acl.has("operation")).as("%s: v1 API uses `operations`, not `operation`", name(user)).isFalse();
            // a prefix ACL is written like the usage model writes a per-instance group: prefix and "*"
            String resourceName = resource.path("name").asText() + (pattern.equals("prefix") ? "*" : "");
            stream(acl.path("operations")).forEach(op ->
                    acls.add(resource.path("type").asText() + " " + resourceName + " " + op.asText()));
        }
        return acls;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConfigMapAndSecretADeploymentUsesExistsOrIsCreatedByAnOperatorForAResourceOfTheOverlay(Manifests overlay) {
        Set<String> operatorSecrets = new TreeSet<>();
        overlay.ofKind("KafkaUser").forEach(u -> operatorSecrets.add(name(u)));                      // Strimzi User Operator
        overlay.ofKind("Kafka").forEach(k -> operatorSecrets.add(name(k) + "-cluster-ca-cert"));      // Strimzi Cluster Operator
        overlay.ofKind("Elasticsearch").forEach(es -> {                                               // ECK
            operatorSecrets.add(name(es) + "-es-elastic-user");
            operatorSecrets.add(name(es) + "-es-http-certs-public");
        });
        for (JsonNode deployment : overlay.ofKind("Deployment").toList()) {
            for (String configMap : configMapsReferencedBy(deployment)) {
                assertThat(overlay.has("ConfigMap", configMap))
                        .as("%s/%s: ConfigMap %s exists in the overlay", overlay, name(deployment), configMap).isTrue();
            }
            for (String secret : secretsReferencedBy(deployment)) {
                assertThat(overlay.has("Secret", secret) || operatorSecrets.contains(secret))
                        .as("%s/%s: Secret %s exists in the overlay or is created by an operator for one of its resources "
                                + "(%s)", overlay, name(deployment), secret, operatorSecrets).isTrue();
            }
        }
    }

    private static Set<String> configMapsReferencedBy(JsonNode deployment) {
        return referencedBy(deployment, "configMapRef", "configMapKeyRef", "configMap");
    }

    private static Set<String> secretsReferencedBy(JsonNode deployment) {
        return referencedBy(deployment, "secretRef", "secretKeyRef", "secret");
    }

    private static Set<String> referencedBy(JsonNode deployment, String envFromKey, String envKey, String volumeKey) {
        Set<String> names = new TreeSet<>();
        allContainers(deployment).forEach(container -> {
            stream(container.path("envFrom")).map(e -> e.path(envFromKey).path("name"))
                    .filter(n -> !n.isMissingNode()).forEach(n -> names.add(n.asText()));
            stream(container.path("env")).map(e -> e.path("valueFrom").path(envKey).path("name"))
                    .filter(n -> !n.isMissingNode()).forEach(n -> names.add(n.asText()));
        });
        JsonNode volumes = deployment.path("spec").path("template").path("spec").path("volumes");
        for (JsonNode volume : stream(volumes).toList()) {
            JsonNode v = volume.path(volumeKey);
            if (!v.isMissingNode()) {
                names.add(v.path(volumeKey.equals("secret") ? "secretName" : "name").asText());
            }
            stream(volume.path("projected").path("sources")).map(s -> s.path(volumeKey).path("name"))
                    .filter(n -> !n.isMissingNode()).forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theDashboardChartsEveryPipelineMetricAndLag(Manifests overlay) throws IOException {
        JsonNode configMap = overlay.find("ConfigMap", "newsroom-grafana-dashboard")
                .orElseThrow(() -> new AssertionError(overlay + ": no dashboard ConfigMap"));
        assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = new ObjectMapper().readTree(configMap.path("data").path("newsroom-pipeline.json").asText());
        List<String> expressions = new ArrayList<>();
        stream(dashboard.path("panels")).forEach(p -> stream(p.path("targets")).forEach(t -> expressions.add(t.path("expr").asText())));
        for (String metric : DASHBOARD_METRICS) {
            assertThat(expressions).as("%s: a panel queries %s", overlay, metric).anyMatch(e -> e.contains(metric));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void classifyServiceRunsTheTaxonomyAndModelOfItsImage(Manifests overlay) throws IOException {
        // the taxonomy and its topic model are tested together in classify-service and ship in its image; a
        // taxonomy file set here would be one that no test has validated, possibly without its model
        JsonNode deployment = overlay.find("Deployment", "classify-service").orElseThrow();
        List<String> env = new ArrayList<>();
        stream(deployment.path("spec").path("template").path("spec").path("containers"))
                .forEach(c -> stream(c.path("env")).forEach(e -> env.add(e.path("name").asText())));
        assertThat(env).as("%s: classify-service environment", overlay)
                .isNotEmpty().doesNotContain("NEWSROOM_CLASSIFY_TAXONOMY_FILE");
        Path bundled = repoRoot.resolve("classify-service/src/main/resources/taxonomy");
        assertThat(Files.readString(bundled.resolve("taxonomy.yaml"))).as("the bundled taxonomy names its model")
                .containsPattern("(?m)^model: topic-model\\.json$");
        assertThat(bundled.resolve("topic-model.json")).isRegularFile();
    }

    @Test
    void devRunsOneOfEverything() {
        Manifests dev = rendered.get("dev");
        dev.ofKind("Deployment").forEach(d -> assertThat(d.path("spec").path("replicas").asInt()).as(name(d)).isEqualTo(1));
        assertThat(dev.ofKind("KafkaNodePool").mapToInt(p -> p.path("spec").path("replicas").asInt()).sum()).isEqualTo(1);
        assertThat(dev.ofKind("Elasticsearch").flatMap(es -> stream(es.path("spec").path("nodeSets")))
                .mapToInt(n -> n.path("count").asInt()).sum()).isEqualTo(1);
        assertThat(dev.ofKind("KafkaTopic")).allMatch(t -> t.path("spec").path("replicas").asInt() == 1);
    }

    @Test
    void prodRunsAKraftQuorumThreeSearchNodesAndProtectsAndScalesEveryService() {
        Manifests prod = rendered.get("prod");
        List<JsonNode> pools = prod.ofKind("KafkaNodePool").toList();
        assertThat(pools.stream().filter(p -> stream(p.path("spec").path("roles")).anyMatch(r -> r.asText().equals("controller")))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum()).as("KRaft controllers").isEqualTo(3);
        assertThat(prod.ofKind("Elasticsearch").flatMap(es -> stream(es.path("spec").path("nodeSets")))
                .mapToInt(n -> n.path("count").asInt()).sum()).as("Elasticsearch nodes").isEqualTo(3);
        assertThat(prod.ofKind("KafkaTopic")).as("topics replicated 3 times")
                .allMatch(t -> t.path("spec").path("replicas").asInt() == 3);

        for (JsonNode deployment : prod.ofKind("Deployment").toList()) {
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> budgets = prod.ofKind("PodDisruptionBudget").filter(pdb -> {
                JsonNode selector = pdb.path("spec").path("selector").path("matchLabels");
                return selector.size() > 0 && selector.properties().stream()
                        .allMatch(e -> e.getValue().asText().equals(podLabels.path(e.getKey()).asText()));
            }).toList();
            assertThat(budgets).as("PodDisruptionBudget for %s", name(deployment)).hasSize(1);
        }

        Map<String, JsonNode> scaledObjects = prod.ofKind("ScaledObject")
                .collect(Collectors.toMap(s -> s.path("spec").path("scaleTargetRef").path("name").asText(), s -> s));
        for (String consumer : List.of("classify-service", "search-service")) {
            ServiceKafkaUsage usage = services.stream().filter(s -> s.service().equals(consumer)).findFirst().orElseThrow();
            JsonNode scaled = scaledObjects.get(consumer);
            assertThat(scaled).as("ScaledObject for %s", consumer).isNotNull();
            int min = scaled.path("spec").path("minReplicaCount").asInt();
            int max = scaled.path("spec").path("maxReplicaCount").asInt();
            assertThat(min).as("%s: min replicas", consumer).isGreaterThanOrEqualTo(2);
            int partitions = usage.sharedReadTopics().stream()
                    .mapToInt(t -> prod.ofKind("KafkaTopic").filter(k -> Manifests.topicName(k).equals(t))
                            .mapToInt(k -> k.path("spec").path("partitions").asInt()).findFirst().orElse(0))
                    .min().orElse(0);
            assertThat(max).as("%s: more consumers than partitions of %s would idle", consumer, usage.sharedReadTopics())
                    .isBetween(min, partitions);
            JsonNode trigger = scaled.path("spec").path("triggers").path(0);
            assertThat(trigger.path("metadata").path("consumerGroup").asText()).as("%s: lag of its own group", consumer)
                    .isIn(usage.groups());
            assertThat(usage.readTopics()).as("%s: lag of a topic it reads", consumer)
                    .contains(trigger.path("metadata").path("topic").asText());
        }
    }
}
