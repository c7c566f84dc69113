package org.newsroommonitor.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Builds ingest-service's image with Jib into a tar file, as {@code ./newsroom images} does (no Docker, no registry),
 * then checks the image: a non-root user, and an entrypoint that really starts the service inside the image's own
 * file system (its JRE, its C library) as that user.
 */
class ImageBuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "ingest-service";

    private static Path repoRoot;
    private static Path image;
    private static Path unpacked;
    private static JsonNode config;

    @BeforeAll
    static void buildImage() throws Exception {
        repoRoot = Path.of(System.getProperty("newsroom.repo.root", "../..")).toAbsolutePath().normalize();
        image = repoRoot.resolve("deploy/k8s/target/images/" + SERVICE + ".tar");
        Files.deleteIfExists(image);
        ProcessBuilder build = new ProcessBuilder(repoRoot.resolve("deploy/k8s/images/build-images.sh").toString(), SERVICE)
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(repoRoot.resolve("deploy/k8s/target/image-build.log").toFile());
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = build.start();
        assertThat(process.waitFor(8, TimeUnit.MINUTES)).as("image build finished in time").isTrue();
        assertThat(process.exitValue()).as("image build exit code; see deploy/k8s/target/image-build.log").isZero();

        unpacked = Files.createTempDirectory("newsroom-image-");
        run(List.of("tar", "-xf", image.toString(), "-C", unpacked.toString()), Duration.ofMinutes(1));
        JsonNode manifest = JSON.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        assertThat(manifest.path("RepoTags").get(0).asText()).isEqualTo("newsroom-monitor/" + SERVICE + ":0.1.0-SNAPSHOT");
        config = JSON.readTree(unpacked.resolve(manifest.path("Config").asText()).toFile()).path("config");
    }

    @Test
    void imageRunsAsAnUnprivilegedUser() {
        String user = config.path("User").asText();
        assertThat(user).isNotBlank().isNotIn("0", "root").doesNotStartWith("0:").doesNotStartWith("root");
        assertThat(Integer.parseInt(user.split(":")[0])).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void entrypointStartsTheServiceInsideTheImage() throws Exception {
        assumeThat(isRoot()).as("starting the image in a chroot needs root (CI runs as root)").isTrue();
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).containsSubsequence("-jar", "quarkus-run.jar");

        Path rootfs = Files.createDirectory(unpacked.resolve("rootfs"));
        JsonNode manifest = JSON.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        for (JsonNode layer : manifest.path("Layers")) {
            run(List.of("tar", "-xzf", unpacked.resolve(layer.asText()).toString(), "-C", rootfs.toString()), Duration.ofMinutes(1));
        }
        Files.createDirectories(rootfs.resolve("proc"));
        run(List.of("mount", "--bind", "/proc", rootfs.resolve("proc").toString()), Duration.ofSeconds(10));
        Process service = null;
        try {
            // chroot(1) always changes to "/", so the jar path is made absolute against the image's WorkingDir;
            // "java" is resolved through the image's PATH, to the image's own runtime
            List<String> command = new ArrayList<>(List.of("chroot", "--userspec=" + config.path("User").asText() + ":"
                    + config.path("User").asText(), rootfs.toString(), "/opt/java/bin/java"));
            String workingDir = config.path("WorkingDir").asText();
            for (String part : entrypoint.subList(1, entrypoint.size())) {
                command.add(part.equals("quarkus-run.jar") ? workingDir + "/quarkus-run.jar" : part);
            }
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(repoRoot.resolve("deploy/k8s/target/image-run.log").toFile());
            builder.environment().clear();
            config.path("Env").forEach(e -> {
                String[] kv = e.asText().split("=", 2);
                builder.environment().put(kv[0], kv[1]);
            });
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
            service = builder.start();
            HttpClient http = HttpClient.newHttpClient();
            Process running = service;
            HttpResponse<String> live = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> {
                        assertThat(running.isAlive()).as("service in the image exited; see deploy/k8s/target/image-run.log").isTrue();
                        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live")).build(),
                                HttpResponse.BodyHandlers.ofString());
                    }, r -> r.statusCode() == 200);
            assertThat(live.body()).contains("\"status\": \"UP\"");
            // chroot execs the entrypoint, so its pid is the service's; the kernel says whom it runs as
            String uids = Files.readAllLines(Path.of("/proc/" + service.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow();
            assertThat(uids.split("\\s+")).containsExactly("Uid:", "1001", "1001", "1001", "1001");
            String log = Files.readString(repoRoot.resolve("deploy/k8s/target/image-run.log"), StandardCharsets.UTF_8);
            assertThat(log).contains("ingest-service").contains("started");
        } finally {
            if (service != null) {
                service.destroy();
                if (!service.waitFor(20, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
            run(List.of("umount", rootfs.resolve("proc").toString()), Duration.ofSeconds(10));
        }
    }

    @AfterAll
    static void deleteUnpackedImage() throws IOException {
        if (unpacked != null) {
            try (var paths = Files.walk(unpacked)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    }
}
