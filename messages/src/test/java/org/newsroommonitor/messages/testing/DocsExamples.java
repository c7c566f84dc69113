package org.newsroommonitor.messages.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsroommonitor.messages.MessageType;
import org.newsroommonitor.messages.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example messages of {@code docs/messages/}, which every service's tests use (this class is in the messages
 * module's test jar): one file per {@link MessageType}, named by its {@link MessageType#displayName()}.
 */
public final class DocsExamples {

    private DocsExamples() {
    }

    /** The repository root: {@code newsroom.repo.root} (set by the root surefire configuration), else the parent. */
    public static Path repoRoot() {
        String root = System.getProperty("newsroom.repo.root");
        if (root != null && Files.isDirectory(Path.of(root, "docs"))) {
            return Path.of(root);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/messages"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root with docs/messages not found");
    }

    /** {@code docs/messages/<type>.json}. */
    public static Path file(MessageType type) {
        Path file = repoRoot().resolve("docs/messages").resolve(type.displayName() + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("example message not found: " + file);
        }
        return file;
    }

    public static String text(MessageType type) {
        try {
            return Files.readString(file(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example as a fresh JSON object, to change in a test. */
    public static ObjectNode json(MessageType type) {
        try {
            return (ObjectNode) Messages.mapper().readTree(text(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The example subscription with this id, name "Saved search &lt;id&gt;", this query and no topic or place
     * filter, as JSON.
     */
    public static String subscription(String id, String query) {
        ObjectNode json = json(MessageType.SUBSCRIPTION);
        json.put("id", id);
        json.put("name", "Saved search " + id);
        json.put("query", query);
        json.putArray("topics");
        json.putArray("places");
        return json.toString();
    }
}
