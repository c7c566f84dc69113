package org.newsroommonitor.localstack;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Restarts a service of the local stack that exits without being asked to: reports the exit code and the log
 * file, starts it again with the same command line, and reports when it is ready again. Each service has a
 * {@link RestartPolicy}; when a service dies once more than the policy allows, the supervisor gives up on it,
 * says so with the end of its log, and {@link #gaveUp()} names it (so that {@code ./newsroom run} stops).
 */
final class ServiceSupervisor implements AutoCloseable {

    /**
     * How long an exit is looked at before it counts as a death: Ctrl-C reaches the services too, and they may
     * stop just before the stack's shutdown hook has closed the supervisor.
     */
    static final Duration SETTLE = Duration.ofSeconds(1);

    private final LocalStack.Progress progress;
    private final Supplier<RestartPolicy> policies;
    private final Duration readyTimeout;
    private final Clock clock;
    private final Map<String, RestartPolicy> policyByService = new ConcurrentHashMap<>();
    private final Map<String, Integer> restartCount = new ConcurrentHashMap<>();
    private volatile ServiceProcess gaveUp;
    private volatile boolean closed;

    ServiceSupervisor(LocalStack.Progress progress, Supplier<RestartPolicy> policies, Duration readyTimeout,
                      Clock clock) {
        this.progress = progress;
        this.policies = policies;
        this.readyTimeout = readyTimeout;
        this.clock = clock;
    }

    /** Watches the current run of {@code service}; call again after every start. */
    void watch(ServiceProcess service) {
        ManagedProcess run = service.process();
        Executor later = CompletableFuture.delayedExecutor(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        run.onExit().thenAcceptAsync(code -> exited(service, run, code), later);
    }

    private void exited(ServiceProcess service, ManagedProcess run, int code) {
        if (closed || service.stopRequested() || service.process() != run) {
            return;
        }
        RestartPolicy policy = policyByService.computeIfAbsent(service.name(), n -> policies.get());
        if (!policy.allowRestart(clock.instant())) {
            gaveUp = service;
            progress.report(service.name(), "exited with code " + code + " and has already been restarted "
                    + policy.describe() + "; giving up on it (not restarted again). Log " + run.logFile()
                    + ", its end:\n" + run.tail(30));
            return;
        }
        int restarts = restartCount.merge(service.name(), 1, Integer::sum);
        progress.report(service.name(), "exited unexpectedly with code " + code + describe(code) + " (log "
                + run.logFile() + "); restarting it with the same command line (restart " + restarts + "; "
                + policy.recentRestarts() + " of at most " + policy.describe() + ")");
        try {
            service.relaunch();
        } catch (RuntimeException e) {
            gaveUp = service;
            progress.report(service.name(), "could not be restarted: " + e.getMessage() + "; giving up on it");
            return;
        }
        watch(service);
        CompletableFuture.runAsync(() -> {
            try {
                service.awaitReady(readyTimeout);
                progress.report(service.name(), "ready again after restart " + restarts);
            } catch (RuntimeException e) {
                // it died again (the watch above handles that) or is slow: say so, the policy decides later
                progress.report(service.name(), "not ready after restart " + restarts + ": " + firstLine(e));
            }
        });
    }

    private static String describe(int code) {
        return switch (code) {
            case 137 -> " (SIGKILL)";
            case 143 -> " (SIGTERM)";
            case 130 -> " (SIGINT)";
            default -> "";
        };
    }

    private static String firstLine(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** How many times the supervisor restarted {@code service}. */
    int restarts(String service) {
        return restartCount.getOrDefault(service, 0);
    }

    /** The service the supervisor gave up on, if any. */
    Optional<ServiceProcess> gaveUp() {
        return Optional.ofNullable(gaveUp);
    }

    /** Stops supervising: exits from now on are the stack stopping. */
    @Override
    public void close() {
        closed = true;
    }
}
