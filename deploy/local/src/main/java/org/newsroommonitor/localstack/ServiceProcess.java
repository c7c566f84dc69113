package org.newsroommonitor.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the three Quarkus services, run from its packaged {@code target/quarkus-app}. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private volatile ManagedProcess process;
    private volatile boolean stopRequested;

    private ServiceProcess(String name, int port, ManagedProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code <repo>/<name>/target/quarkus-app/quarkus-run.jar} on {@code port} with the given extra
     * environment (Quarkus maps variables such as {@code KAFKA_BOOTSTRAP_SERVERS} onto its configuration).
     */
    public static ServiceProcess start(Path repoRoot, String name, int port, String heap, Map<String, String> environment,
                                       Path logDirectory) {
        return start(repoRoot, name, name, port, heap, environment, logDirectory);
    }

    /**
     * Starts a replica of the service of module {@code module} under its own {@code name} (log file, pid file,
     * restart policy): {@code ingest-service-1} is a second replica of {@code ingest-service}.
     */
    public static ServiceProcess start(Path repoRoot, String module, String name, int port, String heap,
                                       Map<String, String> environment, Path logDirectory) {
        Path jar = repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (mvn package -DskipTests)");
        }
        Net.requireFree(port, name, "NEWSROOM_" + module.replace("-service", "").toUpperCase() + "_PORT");
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putIfAbsent("QUARKUS_HTTP_HOST", Net.LOOPBACK);
        Path pidFile = logDirectory.resolve(name + ".pid");
        ManagedProcess.stopLeftover(pidFile, jar.toString(), Duration.ofSeconds(10));
        ManagedProcess process = ManagedProcess.start(name, List.of(Jdk.currentJava().toString(),
                        "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                        // Quarkus' URI check off: http-edges' RequestUriCheck answers a malformed URI with {"error"}
                        "-Dvertx.disableURIValidation=true",
                        "-jar", jar.toString()),
                env, repoRoot, logDirectory.resolve(name + ".log"), pidFile);
        return new ServiceProcess(name, port, process);
    }

    public String name() {
        return name;
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    public Path logFile() {
        return process.logFile();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process id of the current run. */
    public long pid() {
        return process.pid();
    }

    /** The current run's process (a restart replaces it). */
    public ManagedProcess process() {
        return process;
    }

    /** Whether {@link #stop()} was called: an exit after it is no death to restart from. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Starts the service again with exactly the same command line and environment, after it died. */
    public synchronized void relaunch() {
        if (stopRequested) {
            throw new IllegalStateException(name + " was stopped; it is not restarted");
        }
        process = process.relaunch();
    }

    public String tail(int lines) {
        return process.tail(lines);
    }

    /** Waits for Quarkus readiness ({@code /q/health/ready} answering 200). */
    public void awaitReady(Duration timeout) {
        process.awaitReady(timeout, this::isReady);
    }

    public boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://" + Net.LOOPBACK + ":" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Kills the current run with SIGKILL and marks it stopped, so the supervisor does not restart it: a replica
     * lost for good, whose work the other replicas must take over.
     */
    public void killForGood() {
        stopRequested = true;
        synchronized (this) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    public void stop() {
        stopRequested = true;
        synchronized (this) {
            process.stop(Duration.ofSeconds(15));
        }
    }

    @Override
    public void close() {
        stop();
    }
}
