package org.newsroommonitor.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks messages against their JSON Schema before a service uses them, so a message of the wrong shape is refused
 * with a reason that names the field (and goes to a dead-letter topic) instead of failing somewhere later.
 * Thread-safe; build one and share it (a CDI singleton in the services).
 */
@Singleton
public class MessageSchemas {

    /** Base of the schemas' {@code $id}s, resolved to the class path (no network access). */
    static final String ID_PREFIX = "https://schemas.newsroom-monitor.org/";
    private static final String CLASSPATH_PREFIX = "classpath:org/newsroommonitor/messages/schema/";
    private static final int MAX_REPORTED = 3;

    private final Map<MessageType, Schema> schemas = new EnumMap<>(MessageType.class);

    public MessageSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(ID_PREFIX, CLASSPATH_PREFIX)));
        for (MessageType type : MessageType.values()) {
            String file = type.schemaResource(type.version());
            schemas.put(type, registry.getSchema(SchemaLocation.of(ID_PREFIX + file.substring(file.lastIndexOf('/') + 1))));
        }
    }

    /**
     * Why {@code message} is not a {@code type} this code can read, or empty when it is: not a JSON object, a
     * {@code schemaVersion} that is missing (where required) or not the one this code reads, or the first few
     * schema violations with the path of the field, e.g. {@code $.revision: integer expected, but string found}.
     */
    public Optional<String> problem(MessageType type, JsonNode message) {
        if (message == null || !message.isObject()) {
            return Optional.of("not a JSON object");
        }
        JsonNode version = message.get(MessageType.VERSION_FIELD);
        if (version == null || version.isNull()) {
            if (type.versionRequired()) {
                return Optional.of("no " + MessageType.VERSION_FIELD + " (this service reads " + type.displayName()
                        + " version " + type.version() + ")");
            }
        } else if (!version.isIntegralNumber() || version.asInt() != type.version()) {
            return Optional.of("unsupported " + MessageType.VERSION_FIELD + " " + version + " (this service reads "
                    + type.displayName() + " version " + type.version() + ")");
        }
        List<Error> errors = schemas.get(type).validate(message);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder reason = new StringBuilder("does not match the ").append(type.displayName())
                .append(" schema v").append(type.version()).append(": ");
        for (int i = 0; i < Math.min(MAX_REPORTED, errors.size()); i++) {
            reason.append(i == 0 ? "" : "; ").append(describe(errors.get(i)));
        }
        if (errors.size() > MAX_REPORTED) {
            reason.append("; and ").append(errors.size() - MAX_REPORTED).append(" more");
        }
        return Optional.of(reason.toString());
    }

    /** {@code /revision: string found, integer expected}; a problem of the whole message without the location. */
    private static String describe(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String message = error.getMessage();
        return location.isEmpty() || message.startsWith(location) ? message : location + ": " + message;
    }
}
