package org.newsroommonitor.classify.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example messages of docs/messages, the wire contract. */
public final class DocsExamples {

    private DocsExamples() {
    }

    /** A mapper configured like the Quarkus one (ISO-8601 instants, unknown fields ignored). */
    public static ObjectMapper mapper() {
        return JsonMapper.builder().findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** {@code docs/messages/<name>} of the repository ({@code newsroom.repo.root}, set by the root surefire config). */
    public static Path file(String name) {
        String root = System.getProperty("newsroom.repo.root");
        Path base = root != null && Files.isDirectory(Path.of(root, "docs")) ? Path.of(root) : Path.of("..");
        Path file = base.resolve("docs/messages").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("example message not found: " + file.toAbsolutePath());
        }
        return file;
    }

    /**
     * The example subscription of the docs with this id, name "Saved search &lt;id&gt;", query and no topic or place
     * filter, as JSON.
     */
    public static String subscription(String id, String query) {
        try {
            ObjectMapper mapper = mapper();
            ObjectNode json = (ObjectNode) mapper.readTree(read("subscription.json"));
            json.put("id", id);
            json.put("name", "Saved search " + id);
            json.put("query", query);
            json.putArray("topics");
            json.putArray("places");
            return mapper.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
