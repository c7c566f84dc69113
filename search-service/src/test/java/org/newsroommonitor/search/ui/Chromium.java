package org.newsroommonitor.search.ui;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds Debian's headless Chromium for the browser tests, installing the {@code chromium} package with apt-get when
 * it is missing and we are root. When there is none, the tests fail if the system property
 * {@code newsroom.browser-tests=required} is set (CI sets it), and are skipped with the reason otherwise.
 */
final class Chromium {

    static final String REQUIRED_PROPERTY = "newsroom.browser-tests";
    static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    private static Path found;
    private static String unavailable;

    private Chromium() {
    }

    /** The Chromium executable; fails or skips the calling test (see class comment) when there is none. */
    static synchronized Path executable() {
        if (found == null && unavailable == null) {
            locateOrInstall();
        }
        if (found != null) {
            return found;
        }
        String message = "Browser tests need Chromium: " + unavailable;
        if ("required".equalsIgnoreCase(System.getProperty(REQUIRED_PROPERTY, ""))) {
            Assertions.fail(message + " (-D" + REQUIRED_PROPERTY + "=required is set, so this is a failure)");
        }
        Assumptions.abort(message + ". Skipping the browser tests; set -D" + REQUIRED_PROPERTY
                + "=required to make this a failure.");
        throw new IllegalStateException("unreachable");
    }

    private static void locateOrInstall() {
        Optional<Path> existing = existing();
        if (existing.isPresent()) {
            found = existing.get();
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            unavailable = "none of " + CANDIDATES + " exists and we are not root, so cannot run "
                    + "'apt-get install -y chromium'; install Debian's chromium package or set -Dnewsroom.chromium=<path>";
            return;
        }
        String log = apt("install", "-y", "--no-install-recommends", "chromium");
        if (existing().isEmpty()) {
            log = apt("update") + apt("install", "-y", "--no-install-recommends", "chromium");
        }
        existing = existing();
        if (existing.isPresent()) {
            found = existing.get();
        } else {
            unavailable = "none of " + CANDIDATES + " exists and 'apt-get install -y chromium' did not install it: "
                    + tail(log);
        }
    }

    private static Optional<Path> existing() {
        String configured = System.getProperty("newsroom.chromium");
        return Stream.concat(Stream.ofNullable(configured), CANDIDATES.stream())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String apt(String... args) {
        List<String> command = Stream.concat(Stream.of("apt-get", "-q"), Stream.of(args)).toList();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return String.join(" ", command) + ": timed out\n";
            }
            return String.join(" ", command) + ": exit " + process.exitValue() + "\n" + new String(output) + "\n";
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage() + "\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + ": interrupted\n";
        }
    }

    private static String tail(String log) {
        return log.length() <= 800 ? log : "…" + log.substring(log.length() - 800);
    }
}
