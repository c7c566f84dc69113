package org.newsroommonitor.classify.topic;

import org.newsroommonitor.classify.taxonomy.Taxonomy;
import org.newsroommonitor.classify.taxonomy.TaxonomyException;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the {@link TopicClassifier} in force and replaces it when the taxonomy file changes.
 *
 * <p>{@link #check()} reads the file and compares the SHA-256 of its bytes with the last content it tried (not
 * its modification time: a Kubernetes ConfigMap mount changes by swapping a symlink). New content is loaded and
 * compiled completely before it replaces the classifier in force; content that does not load is refused with the
 * loader's message (file, rule and line), the previous rules stay in force, and {@link #status()} reports the
 * error until a later content loads. The same bad content is not tried again.
 *
 * <p>A replaced classifier may still be in use by an article being classified; it is closed at the next
 * successful reload (at least one check interval later) or when the reloader is closed.
 */
public final class TaxonomyReloader implements AutoCloseable {

    /** What {@link #check()} did. */
    public enum Outcome { UNCHANGED, RELOADED, REFUSED }

    /**
     * The state of the taxonomy for health checks and metrics.
     *
     * @param source      file or class-path resource the rules in force come from
     * @param version     version of the taxonomy in force
     * @param loadedAt    when the rules in force were loaded
     * @param lastError   why the last changed content was refused; null when the last content loaded
     * @param lastErrorAt when that happened; null when the last content loaded
     */
    public record Status(String source, String version, Instant loadedAt, String lastError, Instant lastErrorAt) {
        public boolean failing() {
            return lastError != null;
        }
    }

    private final Optional<Path> file;
    private final TaxonomyLoader loader = new TaxonomyLoader();
    private final Clock clock;
    private final AtomicReference<TopicClassifier> current = new AtomicReference<>();
    private final List<TopicClassifier> retired = new ArrayList<>();
    private volatile Status status;
    private String lastHash;

    private TaxonomyReloader(Optional<Path> file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * Loads the taxonomy file, or the bundled taxonomy when there is none.
     *
     * @throws TaxonomyException when it does not load: the service must not start with rules it cannot read
     */
    public static TaxonomyReloader start(Optional<Path> file, Clock clock) {
        TaxonomyReloader reloader = new TaxonomyReloader(file, clock);
        if (file.isPresent()) {
            byte[] content = reloader.read(file.get());
            reloader.lastHash = sha256(content);
            reloader.install(reloader.load(content));
        } else {
            reloader.install(TopicClassifier.create(reloader.loader.loadBundled()));
        }
        return reloader;
    }

    /** The classifier in force. */
    public TopicClassifier current() {
        return current.get();
    }

    public Status status() {
        return status;
    }

    /** The watched file, if any. */
    public Optional<Path> file() {
        return file;
    }

    /** Reloads the taxonomy file if its content changed. */
    public synchronized Outcome check() {
        if (file.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        byte[] content;
        String hash;
        try {
            content = read(file.get());
            hash = sha256(content);
        } catch (TaxonomyException e) {
            // e.g. the file is missing for a moment while a ConfigMap is updated: report it, try again next time
            refuse(e.getMessage());
            lastHash = null;
            return Outcome.REFUSED;
        }
        if (hash.equals(lastHash)) {
            return Outcome.UNCHANGED;
        }
        lastHash = hash;
        TopicClassifier next;
        try {
            next = load(content);
        } catch (TaxonomyException e) {
            refuse(e.getMessage());
            return Outcome.REFUSED;
        }
        retired.forEach(TopicClassifier::close);
        retired.clear();
        retired.add(current.get());
        install(next);
        return Outcome.RELOADED;
    }

    private TopicClassifier load(byte[] content) {
        Taxonomy taxonomy = loader.parse(new String(content, java.nio.charset.StandardCharsets.UTF_8),
                file.orElseThrow().toAbsolutePath().toString());
        return TopicClassifier.create(taxonomy);
    }

    private void install(TopicClassifier classifier) {
        current.set(classifier);
        status = new Status(file.map(f -> f.toAbsolutePath().toString()).orElse("classpath:" + TaxonomyLoader.BUNDLED_RESOURCE),
                classifier.taxonomyVersion(), Instant.now(clock), null, null);
    }

    private void refuse(String error) {
        Status previous = status;
        status = new Status(previous.source(), previous.version(), previous.loadedAt(), error, Instant.now(clock));
    }

    private byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read taxonomy file " + path.toAbsolutePath() + ": " + e, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        retired.forEach(TopicClassifier::close);
        retired.clear();
        TopicClassifier classifier = current.getAndSet(null);
        if (classifier != null) {
            classifier.close();
        }
    }
}
