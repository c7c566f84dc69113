package org.newsroommonitor.systemtests;

import org.newsroommonitor.localstack.LocalStack;
import org.newsroommonitor.localstack.NetworkDetour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

/**
 * The local stack of one system test class: on free ports, with a data directory of its own under the temporary
 * directory ({@code newsroom-NAME-...}), its progress printed as {@code [NAME] part message}. {@link #close()} stops
 * the stack and deletes the directory.
 */
public final class TemporaryStack implements AutoCloseable {

    private final String name;
    private final Path dataDir;
    private final LocalStack.Settings settings;
    private LocalStack stack;

    /**
     * Makes the data directory, open to others to read and enter (Elasticsearch runs as an unprivileged user when
     * the tests run as root), and the settings; {@code newsroom.repo.root} names the repository (default {@code ../..}).
     */
    public TemporaryStack(String name, Duration feedPollInterval) throws IOException {
        this.name = name;
        Path repoRoot = Path.of(System.getProperty("newsroom.repo.root", "../.."));
        dataDir = Files.createTempDirectory("newsroom-" + name + "-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        settings = LocalStack.Settings.onFreePorts(repoRoot, dataDir, feedPollInterval, Map.of());
    }

    /** The ports and directories, known before the start. */
    public LocalStack.Settings settings() {
        return settings;
    }

    /** {@link LocalStack#start(LocalStack.Settings, LocalStack.Progress)}. */
    public LocalStack start() {
        stack = LocalStack.start(settings, this::print);
        return stack;
    }

    /** {@link LocalStack#startSecured}. */
    public LocalStack startSecured() {
        stack = LocalStack.startSecured(settings, this::print);
        return stack;
    }

    /** {@link LocalStack#start(LocalStack.Settings, LocalStack.Progress, NetworkDetour)}. */
    public LocalStack start(NetworkDetour detour) {
        stack = LocalStack.start(settings, this::print, detour);
        return stack;
    }

    private void print(String part, String message) {
        System.out.printf("[%s] %-17s %s%n", name, part, message);
    }

    /** Stops the stack, if it started, and deletes the data directory. */
    @Override
    public void close() throws IOException {
        if (stack != null) {
            stack.close();
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
