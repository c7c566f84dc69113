package org.newsroommonitor.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one JVM), from the
 * {@code org.apache.kafka:kafka_2.13} jars. The log directory is formatted on first start and kept afterwards.
 */
public final class KafkaBroker implements AutoCloseable {

    /**
     * Where and how the broker runs; with {@code security} (the local stack's secured mode) its client listener is
     * SASL_SSL with SCRAM-SHA-512 users made at format time, otherwise PLAINTEXT.
     */
    public record Config(Path directory, int port, int controllerPort, String heap, TransportSecurity security) {
        public Config {
            directory = directory.toAbsolutePath();
        }

        /** A plain broker (no TLS, no authentication). */
        public Config(Path directory, int port, int controllerPort, String heap) {
            this(directory, port, controllerPort, heap, null);
        }
    }

    private final Config config;
    private final Distributions distributions;
    private final NetworkDetour detour;
    private ManagedProcess process;

    private KafkaBroker(Config config, Distributions distributions, NetworkDetour detour) {
        if (detour != null && config.security() != null) {
            // the detour is a fault test's plain listener; a secured broker has no plain client listener
            throw new IllegalArgumentException("a network detour needs a plain (not secured) broker");
        }
        this.config = config;
        this.distributions = distributions;
        this.detour = detour;
    }

    private KafkaBroker(Config config, Distributions distributions) {
        this(config, distributions, null);
    }

    /** Formats (first time only) and starts the broker, then waits until it answers an admin request. */
    public static KafkaBroker start(Config config, Distributions distributions) {
        return start(config, distributions, null);
    }

    /**
     * Starts the broker with, when {@code detour} is not null, a second listener ({@code PROXIED}) on its
     * {@code kafkaListenerPort} that advertises its {@code kafkaProxyPort} (a test's proxy in front of it).
     */
    public static KafkaBroker start(Config config, Distributions distributions, NetworkDetour detour) {
        KafkaBroker broker = new KafkaBroker(config, distributions, detour);
        broker.start();
        return broker;
    }

    /**
     * A handle on a broker started earlier in this JVM by another class loader (Quarkus loads test code anew for
     * every application start): it controls the same process through its directory and pid file.
     */
    public static KafkaBroker attach(Config config, Distributions distributions) {
        return new KafkaBroker(config, distributions);
    }

    public String bootstrapServers() {
        return Net.LOOPBACK + ":" + config.port();
    }

    public Config config() {
        return config;
    }

    /**
     * What a client of this broker adds to its properties to get in: nothing for a plain broker; SASL_SSL as the
     * stack's admin user, trusting the local CA, for a secured one.
     */
    public Map<String, Object> clientSecurity() {
        return config.security() == null ? Map.of()
                : config.security().kafkaClientProperties(TransportSecurity.KAFKA_ADMIN);
    }

    public Path logFile() {
        return config.directory().resolve("kafka.log");
    }

    private synchronized void start() {
        Path serverProperties = config.directory().resolve("server.properties");
        ManagedProcess.stopLeftover(pidFile(), config.directory().toString(), Duration.ofSeconds(10));
        Net.requireFree(config.port(), "Kafka", "NEWSROOM_KAFKA_PORT");
        Net.requireFree(config.controllerPort(), "the Kafka controller", "NEWSROOM_KAFKA_CONTROLLER_PORT");
        try {
            Files.createDirectories(config.directory());
            Files.writeString(serverProperties, serverProperties());
            Files.writeString(config.directory().resolve("log4j2.properties"), LOG4J2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
            try {
                format(serverProperties);
            } catch (IllegalStateException firstAttempt) {
                // seen once on a heavily loaded machine; the log tail in the message says why. One retry from scratch.
                System.err.println("Kafka storage format failed, retrying once: " + firstAttempt.getMessage());
                deleteDataDirectory();
                format(serverProperties);
            }
        }
        process = ManagedProcess.start("kafka", List.of(
                        Jdk.currentJava().toString(), "-Xms" + config.heap(), "-Xmx" + config.heap(),
                        "-XX:+UseG1GC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + config.directory().resolve("log4j2.properties"),
                        "-cp", distributions.kafkaClasspathString(),
                        "kafka.Kafka", serverProperties.toString()),
                Map.of(), config.directory(), logFile(), pidFile());
        process.awaitReady(Duration.ofSeconds(240), () -> Net.isOpen(config.port()) && answers());
    }

    private void format(Path serverProperties) {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        List<String> command = new java.util.ArrayList<>(List.of(Jdk.currentJava().toString(), "-Xmx256m",
                "-Dlog4j2.configurationFile=" + config.directory().resolve("log4j2.properties"),
                "-cp", distributions.kafkaClasspathString(),
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", serverProperties.toString()));
        if (config.security() != null) {
            // the SCRAM users exist from the first start on: written into the metadata log by the format
            command.addAll(config.security().kafkaScramFormatArguments());
        }
        try {
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            // generous: on a loaded 2-core machine the JVM start alone can take tens of seconds
            if (!format.waitFor(180, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka log directory took more than 180 s; see " + logFile());
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka log directory failed with exit code "
                        + format.exitValue() + ". End of " + logFile() + ":\n" + tail(logFile(), 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean answers() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void deleteDataDirectory() {
        try {
            Directories.deleteTree(dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    public Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        properties.putAll(clientSecurity());
        return Admin.create(properties);
    }

    /** Creates every topic declared in {@code topics.yaml} that does not exist yet. */
    public void createDeclaredTopics() {
        createTopics(KafkaTopics.declared().stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config()))
                .toList());
    }

    public void createTopic(String name, int partitions) {
        createTopics(List.of(new NewTopic(name, partitions, (short) 1)));
    }

    private void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + result.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics within 30 s", e);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The broker's process id (for fault tests); only on the handle that started it. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("this handle did not start the broker");
        }
        return process.pid();
    }

    /**
     * Starts the broker again on the same log directory and ports, after it stopped or was killed (a fault test's
     * restart); waits until it answers.
     */
    public synchronized void startAgain() {
        if (isRunning()) {
            throw new IllegalStateException("Kafka is still running (pid " + process.pid() + ")");
        }
        start();
    }

    /** Stops the broker, whichever handle started it (the pid file names the current process). */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
            process = null;
        }
        ManagedProcess.stopLeftover(pidFile(), config.directory().toString(), Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        stop();
    }

    private Path dataDirectory() {
        return config.directory().resolve("data");
    }

    private Path pidFile() {
        return config.directory().resolve("kafka.pid");
    }

    private String serverProperties() {
        // secured: clients (and the broker itself) on SASL_SSL; the KRaft controller listener stays plain text on
        // loopback, reached only by this same process (docs/SECURITY.md)
        String listener = config.security() == null ? "PLAINTEXT" : "SASL_SSL";
        List<String> security = config.security() == null ? List.of() : config.security().kafkaBrokerProperties(listener);
        return String.join("\n",
                "# Written by the local stack at every start; edit KafkaBroker.java instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + Net.LOOPBACK + ":" + config.controllerPort(),
                "listeners=" + listener + "://" + Net.LOOPBACK + ":" + config.port() + ",CONTROLLER://" + Net.LOOPBACK + ":" + config.controllerPort()
                        + (detour == null ? "" : ",PROXIED://" + Net.LOOPBACK + ":" + detour.kafkaListenerPort()),
                "advertised.listeners=" + listener + "://" + Net.LOOPBACK + ":" + config.port()
                        + (detour == null ? "" : ",PROXIED://" + Net.LOOPBACK + ":" + detour.kafkaProxyPort()),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + listener,
                "listener.security.protocol.map=" + listener + ":" + listener + ",CONTROLLER:PLAINTEXT"
                        + (detour == null ? "" : ",PROXIED:PLAINTEXT"),
                String.join("\n", security),
                "log.dirs=" + dataDirectory(),
                // Topics are created by the project with explicit partitions, never by accident.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.check.interval.ms=60000",
                "") ;
    }

    private static final String LOG4J2 = String.join("\n",
            "status = warn",
            "appender.console.type = Console",
            "appender.console.name = STDOUT",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "logger.kafka.name = kafka",
            "logger.kafka.level = warn",
            "logger.org.name = org.apache.kafka",
            "logger.org.level = warn",
            "logger.started.name = kafka.server.KafkaRaftServer",
            "logger.started.level = info",
            "");
}
