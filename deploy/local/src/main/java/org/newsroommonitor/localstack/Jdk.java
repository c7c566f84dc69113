package org.newsroommonitor.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a JDK of at least a given feature version: the running one first, then the usual install places. */
public final class Jdk {

    public static final int MINIMUM = 21;
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?(\\d+)", Pattern.MULTILINE);

    private Jdk() {
    }

    /** The java executable of the JVM running this code. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** A JDK home of version 21 or newer, or an exception that says what to install. */
    public static Path home() {
        if (Runtime.version().feature() >= MINIMUM) {
            return Path.of(System.getProperty("java.home"));
        }
        return find(MINIMUM).orElseThrow(() -> new IllegalStateException(
                "No JDK " + MINIMUM + " or newer found (this JVM is " + Runtime.version().feature()
                        + "; looked in JAVA_HOME and /usr/lib/jvm). Install one, e.g. Temurin " + MINIMUM
                        + "+ from adoptium.net, and set JAVA_HOME to it."));
    }

    static Optional<Path> find(int minimum) {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        for (String root : List.of("/usr/lib/jvm", "/opt/java", "/usr/java")) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                    stream.forEach(candidates::add);
                } catch (IOException ignored) {
                    // an unreadable directory is simply not a candidate
                }
            }
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> featureVersion(home) >= minimum)
                .max(Comparator.comparingInt(Jdk::featureVersion));
    }

    static int featureVersion(Path home) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
