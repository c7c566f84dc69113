package org.newsroommonitor.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real single-node Elasticsearch from the {@code integ-test-zip} distribution. The distribution is unpacked
 * once into a shared, read-only home; each node has its own directory with config, data, logs and tmp. When the
 * caller is root, the node runs as the unprivileged uid 65534 (Elasticsearch refuses to run as root).
 */
public final class ElasticsearchNode implements AutoCloseable {

    /**
     * Where and how the node runs; with {@code security} (the local stack's secured mode) it has X-Pack security on:
     * HTTPS with the local CA's certificate and users in the file realm. Otherwise plain HTTP without security.
     */
    public record Config(Path directory, int httpPort, int transportPort, String heap, TransportSecurity security) {
        public Config {
            directory = directory.toAbsolutePath();
        }

        /** A plain node (HTTP, security off). */
        public Config(Path directory, int httpPort, int transportPort, String heap) {
            this(directory, httpPort, transportPort, heap, null);
        }
    }

    private final HttpClient http;

    private final Config config;
    private final Distributions distributions;
    private final Path home;
    private ManagedProcess process;

    private ElasticsearchNode(Config config, Distributions distributions, Path home) {
        this.config = config;
        this.distributions = distributions;
        this.home = home;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (config.security() != null) {
            client.sslContext(config.security().sslContext());
        }
        this.http = client.build();
    }

    /** Unpacks the distribution if needed, prepares the node directory, starts the node and waits for yellow. */
    public static ElasticsearchNode start(Config config, Distributions distributions, Path installRoot) {
        if (Posix.isRoot() && !Posix.traversableByOthers(config.directory())) {
            throw new IllegalStateException("Elasticsearch must run as an unprivileged user, who cannot reach "
                    + config.directory() + " (a parent directory is closed to other users). Choose a data "
                    + "directory under /tmp or another open place (NEWSROOM_DATA_DIR).");
        }
        Path home = install(distributions, installRoot);
        ElasticsearchNode node = new ElasticsearchNode(config, distributions, home);
        node.start();
        return node;
    }

    /**
     * A handle on a node started earlier in this JVM by another class loader: it stops and starts the same node
     * through its directory and pid file.
     */
    public static ElasticsearchNode attach(Config config, Distributions distributions, Path installRoot) {
        return new ElasticsearchNode(config, distributions, install(distributions, installRoot));
    }

    public String hostAndPort() {
        return Net.LOOPBACK + ":" + config.httpPort();
    }

    public URI httpUri() {
        return URI.create((config.security() == null ? "http://" : "https://") + hostAndPort());
    }

    /**
     * A request to {@code pathAndQuery} on this node as its admin: over HTTPS with the admin's password when the
     * node is secured, plain otherwise.
     */
    public HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(httpUri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (config.security() != null) {
            request.header("Authorization", config.security().elasticsearchAuthorization(TransportSecurity.ES_ADMIN));
        }
        return request;
    }

    /** An HTTP client for {@link #request(String)}: it trusts the local CA when the node is secured. */
    public HttpClient httpClient() {
        return http;
    }

    public Config config() {
        return config;
    }

    public Path logFile() {
        return config.directory().resolve("elasticsearch.log");
    }

    /** Starts the node again on the same data, e.g. after {@link #stop()} in an outage test. */
    public synchronized void start() {
        if (process != null && process.isAlive() || process == null && isHealthy()) {
            return;
        }
        ManagedProcess.stopLeftover(pidFile(), config.directory().toString(), Duration.ofSeconds(20));
        Net.requireFree(config.httpPort(), "Elasticsearch", "NEWSROOM_ES_PORT");
        Net.requireFree(config.transportPort(), "Elasticsearch transport", "NEWSROOM_ES_TRANSPORT_PORT");
        prepareDirectories();
        List<String> command = new ArrayList<>();
        boolean root = Posix.isRoot();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + Posix.UNPRIVILEGED_ID, "--regid=" + Posix.UNPRIVILEGED_ID,
                    "--clear-groups", "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        command.addAll(List.of(
                "-E", "cluster.name=newsroom-local",
                "-E", "node.name=" + config.directory().getFileName(),
                "-E", "discovery.type=single-node",
                "-E", "xpack.security.enabled=" + (config.security() != null),
                "-E", "network.host=" + Net.LOOPBACK,
                "-E", "http.port=" + config.httpPort(),
                "-E", "transport.port=" + config.transportPort(),
                "-E", "path.data=" + config.directory().resolve("data"),
                "-E", "path.logs=" + config.directory().resolve("logs"),
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                "-E", "action.destructive_requires_name=false"));
        if (config.security() != null) {
            // HTTPS with the local CA's server certificate (copied into the config directory: Elasticsearch reads
            // TLS files from there only); users and roles from the file realm. The transport port stays on
            // loopback without TLS (single node, nothing joins it).
            command.addAll(List.of(
                    "-E", "xpack.security.http.ssl.enabled=true",
                    "-E", "xpack.security.http.ssl.certificate=" + TLS_DIRECTORY + "/server.crt",
                    "-E", "xpack.security.http.ssl.key=" + TLS_DIRECTORY + "/server.key",
                    "-E", "xpack.security.http.ssl.certificate_authorities=" + TLS_DIRECTORY + "/ca.crt",
                    "-E", "xpack.security.transport.ssl.enabled=false"));
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("ES_JAVA_HOME", Jdk.home().toString());
        environment.put("JAVA_HOME", null);
        environment.put("ES_PATH_CONF", config.directory().resolve("config").toString());
        environment.put("ES_TMPDIR", config.directory().resolve("tmp").toString());
        environment.put("ES_JAVA_OPTS", "-Xms" + config.heap() + " -Xmx" + config.heap());
        environment.put("HOME", config.directory().toString());
        process = ManagedProcess.start("elasticsearch", command, environment, config.directory(), logFile(), pidFile());
        process.awaitReady(Duration.ofSeconds(240), this::isHealthy);
    }

    /** True when the cluster answers and is at least yellow. */
    public boolean isHealthy() {
        try {
            HttpResponse<String> response = http.send(request("/_cluster/health?wait_for_status=yellow&timeout=1s")
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The node's process and its descendants (the launcher and the server JVM), for fault tests. */
    public List<ProcessHandle> processTree() {
        if (process == null) {
            throw new IllegalStateException("this handle did not start the node");
        }
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(process.pid()).ifPresent(root -> {
            tree.add(root);
            root.descendants().forEach(tree::add);
        });
        return tree;
    }

    /** Stops the node, whichever handle started it (the pid file names the current process). */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
        ManagedProcess.stopLeftover(pidFile(), config.directory().toString(), Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        stop();
    }

    /** Where, under the node's config directory, the secured mode's certificate and key are. */
    private static final String TLS_DIRECTORY = "tls";

    private Path pidFile() {
        return config.directory().resolve("elasticsearch.pid");
    }

    private void prepareDirectories() {
        Path directory = config.directory();
        try {
            for (String sub : List.of("data", "logs", "tmp")) {
                Files.createDirectories(directory.resolve(sub));
            }
            Path configDir = directory.resolve("config");
            if (!Files.exists(configDir.resolve("elasticsearch.yml"))) {
                copyTree(home.resolve("config"), configDir);
            }
            if (config.security() != null) {
                ElasticsearchSecurityFiles.write(config.security(), home, configDir, TLS_DIRECTORY);
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (Posix.isRoot()) {
                Posix.chownTree(directory, Posix.UNPRIVILEGED_ID);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
    }

    /**
     * Unpacks the distribution once per version under {@code installRoot}: into a fresh directory first, then
     * moved into place, so concurrent test JVMs never see half an install.
     */
    static Path install(Distributions distributions, Path installRoot) {
        Path home = installRoot.resolve("elasticsearch-" + distributions.elasticsearchVersion());
        if (Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        if (Posix.isRoot() && !Posix.traversableByOthers(installRoot)) {
            throw new IllegalStateException("cannot install Elasticsearch under " + installRoot
                    + ": the unprivileged user it runs as cannot reach it");
        }
        Path staging = installRoot.resolve(".unpack-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            unzip(distributions.elasticsearchZip(), staging);
            Path unpacked = staging.resolve("elasticsearch-" + distributions.elasticsearchVersion());
            try {
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException alreadyThere) {
                if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
                    throw alreadyThere;
                }
            }
            Directories.deleteTree(staging);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + distributions.elasticsearchZip() + " into " + installRoot, e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = entry.getName().contains("/bin/") && !entry.getName().endsWith(".bat")
                            && !entry.getName().endsWith(".exe");
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
