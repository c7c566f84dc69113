package org.newsroommonitor.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The real Kafka broker and Elasticsearch node for tests: started at most once per JVM, on free ports (so tests
 * never collide with a running local stack or with another module's tests), stopped and deleted at JVM exit. A
 * run whose JVM was killed is cleaned up by the next one.
 *
 * <p>A test fixture: it lives in local-stack's test jar ({@code <type>test-jar</type>}, test scope in the services),
 * not in the launcher's main jar, and uses only public members of the launcher, so that it works whichever class
 * loader Quarkus gives each jar.
 *
 * <p>Once per JVM means across class loaders too: Quarkus loads test code anew for every application start (each
 * test profile), and each load has its own copy of this class. The first copy starts the servers and publishes
 * where they are as system properties; later copies attach to the same processes ({@link KafkaBroker#attach},
 * {@link ElasticsearchNode#attach}) instead of starting another pair. Starts run on threads whose context class
 * loader is this class's, so the Kafka admin client inside never mixes class loaders.
 */
public final class TestServers {

    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "newsroom-monitor-test");
    private static final Path INSTALL_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "newsroom-monitor");
    private static final String OWNER_FILE = "owner.pid";
    /** System properties shared by every class loader of this JVM: {@code <directory>|<port>|<second port>}. */
    private static final String KAFKA_PROPERTY = "newsroom.test-servers.kafka";
    private static final String ELASTICSEARCH_PROPERTY = "newsroom.test-servers.elasticsearch";
    private static final String RUN_PROPERTY = "newsroom.test-servers.run";

    private static final ExecutorService STARTER = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-servers-start");
        thread.setDaemon(true);
        thread.setContextClassLoader(TestServers.class.getClassLoader());
        return thread;
    });

    private static CompletableFuture<KafkaBroker> kafka;
    private static CompletableFuture<ElasticsearchNode> elasticsearch;

    private TestServers() {
    }

    /** Starts Kafka and Elasticsearch in parallel (each at most once per JVM) and waits for both. */
    public static void startAll() {
        CompletableFuture<KafkaBroker> k = kafkaFuture();
        CompletableFuture<ElasticsearchNode> e = elasticsearchFuture();
        join(k);
        join(e);
    }

    /** The broker, started on first use, with every topic of {@code topics.yaml} created. */
    public static KafkaBroker kafka() {
        return join(kafkaFuture());
    }

    /** The Elasticsearch node, started on first use. */
    public static ElasticsearchNode elasticsearch() {
        return join(elasticsearchFuture());
    }

    private static synchronized CompletableFuture<KafkaBroker> kafkaFuture() {
        if (kafka == null) {
            kafka = shared(KAFKA_PROPERTY,
                    endpoint -> KafkaBroker.attach(new KafkaBroker.Config(endpoint.directory(), endpoint.port(),
                            endpoint.secondPort(), "384m"), Distributions.fromBuild()),
                    () -> {
                        KafkaBroker broker = KafkaBroker.start(new KafkaBroker.Config(runDirectory().resolve("kafka"),
                                Net.freePort(), Net.freePort(), "384m"), Distributions.fromBuild());
                        broker.createDeclaredTopics();
                        KafkaBroker.Config c = broker.config();
                        return new Published<>(broker, new Endpoint(c.directory(), c.port(), c.controllerPort()));
                    });
        }
        return kafka;
    }

    private static synchronized CompletableFuture<ElasticsearchNode> elasticsearchFuture() {
        if (elasticsearch == null) {
            elasticsearch = shared(ELASTICSEARCH_PROPERTY,
                    endpoint -> ElasticsearchNode.attach(new ElasticsearchNode.Config(endpoint.directory(),
                            endpoint.port(), endpoint.secondPort(), "512m"), Distributions.fromBuild(), INSTALL_ROOT),
                    () -> {
                        ElasticsearchNode node = ElasticsearchNode.start(new ElasticsearchNode.Config(
                                runDirectory().resolve("elasticsearch"), Net.freePort(), Net.freePort(), "512m"),
                                Distributions.fromBuild(), INSTALL_ROOT);
                        ElasticsearchNode.Config c = node.config();
                        return new Published<>(node, new Endpoint(c.directory(), c.httpPort(), c.transportPort()));
                    });
        }
        return elasticsearch;
    }

    private record Endpoint(Path directory, int port, int secondPort) {
        String encode() {
            return directory + "|" + port + "|" + secondPort;
        }

        static Endpoint decode(String value) {
            String[] parts = value.split("\\|");
            return new Endpoint(Path.of(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }
    }

    private record Published<T>(T server, Endpoint endpoint) {
    }

    /**
     * Attaches to the server another class loader published, or starts and publishes it. An interned string is the
     * same object for every class loader of the JVM, so its monitor makes "is it there, else start it" one step
     * for all of them, one lock per server so that Kafka and Elasticsearch still start in parallel.
     */
    private static <T> CompletableFuture<T> shared(String property, java.util.function.Function<Endpoint, T> attach,
                                                  Supplier<Published<T>> start) {
        return CompletableFuture.supplyAsync(() -> {
            synchronized (jvmWideLock(property)) {
                String published = System.getProperty(property);
                if (published != null) {
                    return attach.apply(Endpoint.decode(published));
                }
                Published<T> started = start.get();
                System.setProperty(property, started.endpoint().encode());
                return started.server();
            }
        }, STARTER);
    }

    /**
     * The directory of this JVM's servers, made by the first class loader that needs it; its owner file and shutdown
     * hook make sure the servers end with the JVM, whichever class loader stopped or restarted them in between.
     */
    private static Path runDirectory() {
        synchronized (jvmWideLock(RUN_PROPERTY)) {
            String existing = System.getProperty(RUN_PROPERTY);
            if (existing != null) {
                return Path.of(existing);
            }
            Path directory;
            try {
                createOpenDirectory(INSTALL_ROOT);
                createOpenDirectory(ROOT);
                cleanUpAbandonedRuns();
                directory = ROOT.resolve(ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
                createOpenDirectory(directory);
                Files.writeString(directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(directory), "test-servers-shutdown"));
            System.setProperty(RUN_PROPERTY, directory.toString());
            return directory;
        }
    }

    private static Object jvmWideLock(String name) {
        return ("lock:" + name).intern();
    }

    /** Stops whatever the pid files of a run directory name, then deletes the directory. */
    private static void stopAll(Path directory) {
        CompletableFuture<Void> k = CompletableFuture.runAsync(() -> ManagedProcess.stopLeftover(
                directory.resolve("kafka/kafka.pid"), directory.toString(), Duration.ofSeconds(20)));
        CompletableFuture<Void> e = CompletableFuture.runAsync(() -> ManagedProcess.stopLeftover(
                directory.resolve("elasticsearch/elasticsearch.pid"), directory.toString(), Duration.ofSeconds(30)));
        CompletableFuture.allOf(k, e).exceptionally(t -> null).join();
        try {
            deleteTree(directory);
        } catch (IOException | UncheckedIOException ignored) {
            // left for the next run's clean-up
        }
    }

    /** Stops servers of earlier test JVMs that died without running their shutdown hook, and frees their disk. */
    private static void cleanUpAbandonedRuns() throws IOException {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(ROOT)) {
            for (Path run : runs) {
                Path owner = run.resolve(OWNER_FILE);
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(owner).trim());
                } catch (IOException | NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                stopAll(run);
            }
        }
    }

    /** Deletes a run directory and everything below it (only public members of the launcher are used here). */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void createOpenDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException ignored) {
            // owned by another user: it was opened by them
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
