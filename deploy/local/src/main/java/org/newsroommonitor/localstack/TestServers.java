package org.newsroommonitor.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The real Kafka broker and Elasticsearch node for tests: started at most once per JVM, on free ports (so tests
 * never collide with a running local stack or with another module's tests), stopped and deleted at JVM exit. A
 * run whose JVM was killed is cleaned up by the next one.
 */
public final class TestServers {

    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "newsroom-monitor-test");
    private static final Path INSTALL_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "newsroom-monitor");
    private static final String OWNER_FILE = "owner.pid";

    private static Path runDirectory;
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
            Path directory = runDirectory().resolve("kafka");
            kafka = CompletableFuture.supplyAsync(() -> {
                KafkaBroker broker = KafkaBroker.start(
                        new KafkaBroker.Config(directory, Net.freePort(), Net.freePort(), "384m"), Distributions.fromBuild());
                broker.createDeclaredTopics();
                return broker;
            });
        }
        return kafka;
    }

    private static synchronized CompletableFuture<ElasticsearchNode> elasticsearchFuture() {
        if (elasticsearch == null) {
            Path directory = runDirectory().resolve("elasticsearch");
            elasticsearch = CompletableFuture.supplyAsync(() -> ElasticsearchNode.start(
                    new ElasticsearchNode.Config(directory, Net.freePort(), Net.freePort(), "512m"),
                    Distributions.fromBuild(), INSTALL_ROOT));
        }
        return elasticsearch;
    }

    private static synchronized Path runDirectory() {
        if (runDirectory == null) {
            try {
                createOpenDirectory(INSTALL_ROOT);
                createOpenDirectory(ROOT);
                cleanUpAbandonedRuns();
                runDirectory = ROOT.resolve(ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
                createOpenDirectory(runDirectory);
                Files.writeString(runDirectory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path directory = runDirectory;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(directory), "test-servers-shutdown"));
        }
        return runDirectory;
    }

    private static void stopAll(Path directory) {
        CompletableFuture<Void> k = kafka == null ? CompletableFuture.completedFuture(null)
                : kafka.thenAccept(KafkaBroker::stop).exceptionally(t -> null);
        CompletableFuture<Void> e = elasticsearch == null ? CompletableFuture.completedFuture(null)
                : elasticsearch.thenAccept(ElasticsearchNode::stop).exceptionally(t -> null);
        CompletableFuture.allOf(k, e).join();
        try {
            ElasticsearchNode.deleteTree(directory);
        } catch (IOException ignored) {
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
                ManagedProcess.stopLeftover(run.resolve("kafka/kafka.pid"), run.toString(), Duration.ofSeconds(10));
                ManagedProcess.stopLeftover(run.resolve("elasticsearch/elasticsearch.pid"), run.toString(), Duration.ofSeconds(10));
                try {
                    ElasticsearchNode.deleteTree(run);
                } catch (IOException ignored) {
                    // not ours to worry about further
                }
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
