package org.newsroommonitor.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./newsroom run}: starts the whole system on local defaults, prints what it does and where everything is,
 * and stops it all on Ctrl-C.
 */
public final class LocalStackMain {

    private static final long STARTED = System.nanoTime();

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        // the Kafka admin client logs its whole configuration at INFO; the launcher reports progress itself
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path repoRoot = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        LocalStack.Settings settings;
        try {
            settings = LocalStack.Settings.fromEnvironment(repoRoot, System::getenv);
        } catch (RuntimeException e) {
            System.err.println("Invalid setting: " + e.getMessage());
            System.exit(2);
            return;
        }
        report("newsroom", "data directory " + settings.dataDir() + " (delete it to start afresh)");

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        LocalStack[] stack = new LocalStack[1];
        Thread shutdown = new Thread(() -> {
            stopping.set(true);
            if (stack[0] != null) {
                report("newsroom", "stopping ...");
                stack[0].close();
                report("newsroom", "stopped");
            }
            stopped.countDown();
        }, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        try {
            // NEWSROOM_SECURE_TRANSPORT=true: Kafka on SASL_SSL and Elasticsearch with security on (docs/SECURITY.md)
            stack[0] = Boolean.parseBoolean(System.getenv("NEWSROOM_SECURE_TRANSPORT"))
                    ? LocalStack.startSecured(settings, LocalStackMain::report)
                    : LocalStack.start(settings, LocalStackMain::report);
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("The local stack could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            startReplicas(stack[0], System.getenv("NEWSROOM_REPLICAS"));
        } catch (RuntimeException e) {
            System.err.println("A replica could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        String search = "http://localhost:" + settings.searchPort();
        awaitFirstArticles(search, stack[0]);
        System.out.println();
        System.out.println("Newsroom Monitor is running:");
        System.out.println("  newsroom UI         " + search + "/");
        System.out.println("  search API          " + search + "/api/search?q=Lachin");
        System.out.println("  ingest-service      http://localhost:" + settings.ingestPort() + "/api/feeds");
        System.out.println("  classify-service    http://localhost:" + settings.classifyPort() + "/api/classify");
        System.out.println("  health, metrics     <service>/q/health, <service>/q/metrics");
        System.out.println("  Kafka               " + stack[0].kafka().bootstrapServers());
        System.out.println("  Elasticsearch       " + stack[0].elasticsearch().httpUri());
        System.out.println("  logs                " + settings.dataDir().resolve("logs"));
        stack[0].transportSecurity().ifPresent(security -> {
            System.out.println("  secured transport   Kafka SASL_SSL (SCRAM-SHA-512), Elasticsearch HTTPS; CA "
                    + security.caCertificate());
            System.out.println("  their passwords     " + security.caCertificate().resolveSibling(TransportSecurity.SECRETS)
                    + " (readable only by you)");
        });
        System.out.println("Users (sign in to the UI, or HTTP Basic for the APIs; docs/SECURITY.md):");
        LocalUsers users = stack[0].users();
        users.passwords().forEach((user, password) -> System.out.println(String.format(Locale.ROOT,
                "  %-19s %s (role %s)", user, password, LocalUsers.ROLES.get(user))));
        System.out.println("  kept in             " + users.credentialsFile() + " (readable only by you)");
        System.out.println("  try                 curl -u editor:" + users.password("editor") + " " + search
                + "/api/subscriptions");
        System.out.println("Press Ctrl-C to stop everything.");

        // a service that dies is restarted by the stack's supervisor; only when it gives up does everything stop
        while (!stopped.await(2, TimeUnit.SECONDS)) {
            Optional<ServiceProcess> given = stack[0].serviceGivenUp();
            if (given.isPresent() && !stopping.get()) {
                System.err.println(given.get().name() + " kept dying and is not restarted again (see above and "
                        + given.get().logFile() + "); stopping everything.");
                System.exit(1);
            }
        }
    }

    /**
     * {@code NEWSROOM_REPLICAS} (1 unless set, at most 6: the partitions of {@code news.feed-state}) replicas of each
     * service: the first ones are running, this starts the others on free ports.
     */
    private static void startReplicas(LocalStack stack, String setting) {
        int replicas = setting == null || setting.isBlank() ? 1 : Integer.parseInt(setting.strip());
        if (replicas < 1 || replicas > 6) {
            throw new IllegalArgumentException("NEWSROOM_REPLICAS must be 1 to 6, not " + replicas);
        }
        for (int index = 1; index < replicas; index++) {
            for (String service : LocalStack.SERVICES) {
                stack.startReplica(service, index, Duration.ofMinutes(2));
            }
        }
    }

    /** Reports when the bundled sample articles have gone through the pipeline and are searchable. */
    private static void awaitFirstArticles(String search, LocalStack stack) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        report("newsroom", "waiting for the sample articles to be fetched, classified and indexed ...");
        while (System.nanoTime() < deadline && stack.serviceGivenUp().isEmpty()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(search + "/api/search?q=Lachin"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"total\":0")) {
                    report("newsroom", "sample articles are searchable");
                    return;
                }
                Thread.sleep(500);
            } catch (java.io.IOException e) {
                // not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        report("newsroom", "no sample article is searchable yet; see the service logs");
    }

    static void report(String part, String message) {
        double seconds = (System.nanoTime() - STARTED) / 1e9;
        System.out.println(String.format(Locale.ROOT, "[%6.1fs] %-17s %s", seconds, part, message));
    }
}
