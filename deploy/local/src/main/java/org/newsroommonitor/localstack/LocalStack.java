package org.newsroommonitor.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The whole system on one machine: a Kafka broker, an Elasticsearch node, the sample feed server and the three
 * services, started in dependency order with progress reported as it goes. {@code ./newsroom run} and the
 * end-to-end tests both use this class.
 */
public final class LocalStack implements AutoCloseable {

    /** Where things run. {@link #fromEnvironment} gives the documented defaults, each overridable. */
    public record Settings(Path repoRoot, Path dataDir, int kafkaPort, int kafkaControllerPort, int elasticsearchPort,
                           int elasticsearchTransportPort, int feedServerPort, int searchPort, int ingestPort,
                           int classifyPort, String kafkaHeap, String elasticsearchHeap, String serviceHeap,
                           Duration feedPollInterval, Map<String, String> extraEnvironment) {

        public Settings {
            repoRoot = repoRoot.toAbsolutePath().normalize();
            dataDir = dataDir.toAbsolutePath().normalize();
            extraEnvironment = Map.copyOf(extraEnvironment);
        }

        public static Settings fromEnvironment(Path repoRoot, Function<String, String> env) {
            Function<String, Optional<String>> get = name -> Optional.ofNullable(env.apply(name)).filter(v -> !v.isBlank());
            Map<String, String> defaults = Map.ofEntries(
                    Map.entry("NEWSROOM_KAFKA_PORT", "9092"), Map.entry("NEWSROOM_KAFKA_CONTROLLER_PORT", "9093"),
                    Map.entry("NEWSROOM_ES_PORT", "9200"), Map.entry("NEWSROOM_ES_TRANSPORT_PORT", "9300"),
                    Map.entry("NEWSROOM_FEED_SERVER_PORT", "8090"), Map.entry("NEWSROOM_SEARCH_PORT", "8080"),
                    Map.entry("NEWSROOM_INGEST_PORT", "8081"), Map.entry("NEWSROOM_CLASSIFY_PORT", "8082"));
            Function<String, String> value = name -> get.apply(name).orElse(defaults.get(name));
            Function<String, Integer> number = name -> Integer.parseInt(value.apply(name));
            return new Settings(repoRoot,
                    get.apply("NEWSROOM_DATA_DIR").map(Path::of).orElse(repoRoot.resolve("local-data")),
                    number.apply("NEWSROOM_KAFKA_PORT"), number.apply("NEWSROOM_KAFKA_CONTROLLER_PORT"),
                    number.apply("NEWSROOM_ES_PORT"), number.apply("NEWSROOM_ES_TRANSPORT_PORT"),
                    number.apply("NEWSROOM_FEED_SERVER_PORT"), number.apply("NEWSROOM_SEARCH_PORT"),
                    number.apply("NEWSROOM_INGEST_PORT"), number.apply("NEWSROOM_CLASSIFY_PORT"),
                    get.apply("NEWSROOM_KAFKA_HEAP").orElse("512m"), get.apply("NEWSROOM_ES_HEAP").orElse("1g"),
                    get.apply("NEWSROOM_SERVICE_HEAP").orElse("384m"),
                    get.apply("NEWSROOM_FEED_POLL_INTERVAL").map(Duration::parse).orElse(Duration.ofMinutes(1)),
                    Map.of());
        }

        /** A copy on free ports under {@code dataDir}, for tests that must not collide with a running stack. */
        public static Settings onFreePorts(Path repoRoot, Path dataDir, Duration feedPollInterval, Map<String, String> extraEnvironment) {
            return new Settings(repoRoot, dataDir, Net.freePort(), Net.freePort(), Net.freePort(), Net.freePort(),
                    Net.freePort(), Net.freePort(), Net.freePort(), Net.freePort(), "384m", "512m", "256m",
                    feedPollInterval, extraEnvironment);
        }
    }

    /** Receives one line per step: which part, and what happened to it. */
    @FunctionalInterface
    public interface Progress {
        void report(String part, String message);
    }

    public static final List<String> SERVICES = List.of("classify-service", "search-service", "ingest-service");
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);

    private final Settings settings;
    private final Progress progress;
    private final ServiceSupervisor supervisor;
    private volatile boolean supervising;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private FileChannel lockChannel;
    private KafkaBroker kafka;
    private ElasticsearchNode elasticsearch;
    private SampleFeedServer feedServer;
    private LocalUsers users;
    private final boolean secured;
    private TransportSecurity transportSecurity;

    private final NetworkDetour detour;

    private LocalStack(Settings settings, Progress progress, boolean secured, NetworkDetour detour) {
        this.settings = settings;
        this.progress = progress;
        this.secured = secured;
        this.detour = detour;
        this.supervisor = new ServiceSupervisor(progress, RestartPolicy::standard, SERVICE_START_TIMEOUT,
                java.time.Clock.systemUTC());
    }

    /** Starts everything and returns once every service reports ready; on failure stops what was started. */
    public static LocalStack start(Settings settings, Progress progress) {
        return start(settings, progress, false, null);
    }

    /**
     * As {@link #start(Settings, Progress)}, with Kafka on SASL_SSL (SCRAM-SHA-512) and Elasticsearch on HTTPS
     * with security on; each service authenticates as itself ({@link TransportSecurity}, docs/SECURITY.md).
     */
    public static LocalStack startSecured(Settings settings, Progress progress) {
        return start(settings, progress, true, null);
    }

    /**
     * Like {@link #start(Settings, Progress)}, with the services' connections to Kafka and Elasticsearch routed
     * through the ports of {@code detour} (null: direct), where the caller runs proxies.
     */
    public static LocalStack start(Settings settings, Progress progress, NetworkDetour detour) {
        return start(settings, progress, false, detour);
    }

    private static LocalStack start(Settings settings, Progress progress, boolean secured, NetworkDetour detour) {
        LocalStack stack = new LocalStack(settings, progress, secured, detour);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        try {
            Files.createDirectories(settings.dataDir().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + settings.dataDir(), e);
        }
        lock();
        users = LocalUsers.createOrReuse(settings.dataDir().resolve("security"));
        progress.report("users", (users.created() ? "made " : "reusing ") + String.join(" and ",
                users.passwords().keySet()) + " (passwords in " + users.credentialsFile() + ")");
        Distributions distributions = Distributions.fromBuild();
        if (secured) {
            transportSecurity = TransportSecurity.createOrReuse(settings.dataDir().resolve("security/transport"));
            progress.report("security", "secured transport: Kafka SASL_SSL (SCRAM-SHA-512), Elasticsearch HTTPS with "
                    + "users; CA " + transportSecurity.caCertificate());
        }

        // a secured broker has its own log directory: its SCRAM users are made when it is formatted
        Path kafkaDir = settings.dataDir().resolve(secured ? "kafka-secured" : "kafka");
        Path elasticsearchBase = elasticsearchBase();
        progress.report("kafka", "starting Kafka " + distributions.kafkaVersion() + " (KRaft) on " + Net.LOOPBACK + ":"
                + settings.kafkaPort() + ", log " + kafkaDir.resolve("kafka.log"));
        progress.report("elasticsearch", "starting Elasticsearch " + distributions.elasticsearchVersion() + " on "
                + (secured ? "https://" : "http://")
                + Net.LOOPBACK + ":" + settings.elasticsearchPort() + (Posix.isRoot() ? " as uid " + Posix.UNPRIVILEGED_ID : "")
                + ", log " + elasticsearchBase.resolve("node/elasticsearch.log"));
        CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(() -> {
            KafkaBroker broker = KafkaBroker.start(new KafkaBroker.Config(kafkaDir, settings.kafkaPort(),
                    settings.kafkaControllerPort(), settings.kafkaHeap(), transportSecurity), distributions, detour);
            broker.createDeclaredTopics();
            progress.report("kafka", "ready; topics " + KafkaTopics.declared().stream().map(KafkaTopics.Topic::name).toList());
            return broker;
        });
        CompletableFuture<ElasticsearchNode> elasticsearchStart = CompletableFuture.supplyAsync(() -> {
            ElasticsearchNode node = ElasticsearchNode.start(new ElasticsearchNode.Config(elasticsearchBase.resolve("node"),
                    settings.elasticsearchPort(), settings.elasticsearchTransportPort(), settings.elasticsearchHeap(),
                    transportSecurity),
                    distributions, elasticsearchBase);
            progress.report("elasticsearch", "ready");
            return node;
        });
        kafka = await(kafkaStart);
        elasticsearch = await(elasticsearchStart);
        if (kafka == null || elasticsearch == null) {
            throw failure(kafkaStart, elasticsearchStart);
        }

        feedServer = SampleFeedServer.startWithBundledFeeds(settings.feedServerPort());
        started.add(feedServer);
        progress.report("sample feeds", "serving " + String.join(", ", feedServer.urls()));

        SERVICES.forEach(this::startService);
        for (ServiceProcess service : services.values()) {
            service.awaitReady(SERVICE_START_TIMEOUT);
            progress.report(service.name(), "ready");
        }
        // from now on a service that dies is restarted (RestartPolicy.standard()) instead of stopping the stack
        supervising = true;
        services.values().forEach(supervisor::watch);
        progress.report("supervisor", "watching the services; one that dies is restarted, at most "
                + RestartPolicy.standard().describe());
    }

    private ServiceProcess startService(String name) {
        Map<String, Integer> ports = Map.of("search-service", settings.searchPort(), "ingest-service", settings.ingestPort(),
                "classify-service", settings.classifyPort());
        return startReplica(name, name, ports.get(name), serviceEnvironment(name, 0));
    }

    /**
     * Starts replica {@code index} (1, 2, ...) of {@code service} beside the first one, on a free port, and waits
     * until it is ready. It has the first one's settings but its own name ({@code <service>-<index>}: log and
     * pid file), its own static member id in every consumer group that has one (ingest: its own User-Agent too,
     * so the feed server can tell which replica polled a feed), and the supervisor restarts it when it dies.
     */
    public ServiceProcess startReplica(String service, int index, Duration timeout) {
        if (!SERVICES.contains(service) || index < 1) {
            throw new IllegalArgumentException("no replica " + index + " of " + service);
        }
        String name = replicaName(service, index);
        if (services.containsKey(name)) {
            throw new IllegalStateException(name + " is already running");
        }
        ServiceProcess replica = startReplica(service, name, Net.freePort(), serviceEnvironment(service, index));
        replica.awaitReady(timeout);
        progress.report(name, "ready");
        return replica;
    }

    /** The name of replica {@code index} of {@code service}: the service's own name for the first (0). */
    public static String replicaName(String service, int index) {
        return index == 0 ? service : service + "-" + index;
    }

    /** The static member id of replica {@code index} of {@code service} in its consumer groups. */
    public static String instanceId(String service, int index) {
        return service + "-" + index;
    }

    private ServiceProcess startReplica(String service, String name, int port, Map<String, String> environment) {
        ServiceProcess process = ServiceProcess.start(settings.repoRoot(), service, name, port, settings.serviceHeap(),
                environment, settings.dataDir().resolve("logs"));
        services.put(name, process);
        started.add(process);
        if (supervising) {
            supervisor.watch(process);
        }
        progress.report(name, "starting on " + process.uri() + ", log " + process.logFile());
        return process;
    }

    private Map<String, String> serviceEnvironment(String name, int replica) {
        Map<String, String> environment = new LinkedHashMap<>(settings.extraEnvironment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", detour == null ? kafka.bootstrapServers() : detour.kafkaBootstrap());
        environment.put("QUARKUS_ELASTICSEARCH_HOSTS",
                detour == null ? elasticsearch.hostAndPort() : detour.elasticsearchHostAndPort());
        // one node: a replica could never be allocated and the index would stay yellow
        environment.put("NEWSROOM_SEARCH_INDEX_REPLICAS", "0");
        environment.put("NEWSROOM_INGEST_FEEDS", String.join(",", feedServer.urls()));
        // ingest-service refuses loopback addresses; open exactly the sample feed server, not Kafka or the services
        environment.put("NEWSROOM_INGEST_ALLOWED_HOSTS", Net.LOOPBACK + ":" + feedServer.port());
        environment.put("NEWSROOM_INGEST_POLL_INTERVAL", settings.feedPollInterval().toString());
        // the users (hashed) and the session cookie's key: nothing of it is in the repository
        environment.put("QUARKUS_CONFIG_LOCATIONS", users.serviceConfig().toString());
        if (transportSecurity != null) {
            // Kafka credentials of this service, TLS trust, and (search-service) Elasticsearch's
            environment.putAll(transportSecurity.serviceEnvironment(name));
        }
        // static group membership: a restarted service gets its partitions back at once (docs/DELIVERY.md)
        if (!name.equals("ingest-service")) {
            String prefix = "NEWSROOM_" + name.replace("-service", "").toUpperCase(java.util.Locale.ROOT);
            environment.putIfAbsent(prefix + "_CONSUMER_GROUP_INSTANCE_ID", instanceId(name, replica));
        } else {
            environment.putIfAbsent("NEWSROOM_INGEST_STATE_OWNER_INSTANCE_ID", instanceId(name, replica));
            environment.putIfAbsent("NEWSROOM_INGEST_USER_AGENT", IngestUserAgent.of(instanceId(name, replica)));
        }
        return environment;
    }

    /** Stops one service and starts it again with the same settings (its state in memory is lost). */
    public void restartService(String name, Duration timeout) {
        ServiceProcess old = services.get(name);
        if (old == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        old.stop();
        started.remove(old);
        progress.report(name, "stopped for a restart");
        startService(name).awaitReady(timeout);
        progress.report(name, "ready again");
    }

    /**
     * Elasticsearch runs as an unprivileged user when the caller is root; that user must be able to reach its
     * directory. When the data directory is closed to others (say, under /root), a directory under /tmp is used.
     */
    private Path elasticsearchBase() {
        Path preferred = settings.dataDir().resolve("elasticsearch");
        if (!Posix.isRoot() || Posix.traversableByOthers(preferred)) {
            return preferred;
        }
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "newsroom-monitor-local-" + Integer.toHexString(settings.dataDir().hashCode()));
        progress.report("elasticsearch", settings.dataDir() + " is closed to the unprivileged user; using " + fallback);
        return fallback;
    }

    private void lock() {
        try {
            lockChannel = FileChannel.open(settings.dataDir().resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("Another local stack is already running on " + settings.dataDir()
                        + ". Stop it first, or use another NEWSROOM_DATA_DIR.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a server; remembers it for {@link #close()} when it started, returns null when it did not. */
    private <T extends AutoCloseable> T await(CompletableFuture<T> future) {
        try {
            T value = future.join();
            started.add(value);
            return value;
        } catch (CompletionException e) {
            return null;
        }
    }

    private static RuntimeException failure(CompletableFuture<?>... futures) {
        for (CompletableFuture<?> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                return e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return new IllegalStateException("a server did not start");
    }

    public Settings settings() {
        return settings;
    }

    /** The admin and editor of this stack, and their passwords. */
    public LocalUsers users() {
        return users;
    }

    /** The secured mode's CA and passwords; empty when the stack runs plain. */
    public Optional<TransportSecurity> transportSecurity() {
        return Optional.ofNullable(transportSecurity);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ElasticsearchNode elasticsearch() {
        return elasticsearch;
    }

    public SampleFeedServer feedServer() {
        return feedServer;
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** The first service that is no longer running, if any (a restart by the supervisor may be under way). */
    public Optional<ServiceProcess> deadService() {
        return services.values().stream().filter(s -> !s.isAlive()).findFirst();
    }

    /** A service that died more often than {@link RestartPolicy#standard()} allows, so it was left dead. */
    public Optional<ServiceProcess> serviceGivenUp() {
        return supervisor.gaveUp();
    }

    /** How many times the supervisor restarted {@code service} after it died. */
    public int restarts(String service) {
        return supervisor.restarts(service);
    }

    /** Stops the services first (so they can finish their work), then the feed server, Kafka and Elasticsearch. */
    @Override
    public void close() {
        supervisor.close();
        List<AutoCloseable> reverse = new ArrayList<>(started);
        java.util.Collections.reverse(reverse);
        List<CompletableFuture<Void>> servers = new ArrayList<>();
        for (AutoCloseable part : reverse) {
            if (part instanceof KafkaBroker || part instanceof ElasticsearchNode) {
                servers.add(CompletableFuture.runAsync(() -> closeQuietly(part)));
            } else {
                closeQuietly(part);
            }
        }
        servers.forEach(CompletableFuture::join);
        started.clear();
        if (lockChannel != null) {
            closeQuietly(lockChannel);
        }
    }

    private void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            progress.report("shutdown", "could not stop " + part + ": " + e.getMessage());
        }
    }
}
