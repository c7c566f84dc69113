package org.newsroommonitor.messages;

/**
 * The messages of the pipeline, each with the version this code reads and writes and its JSON Schema (a class-path
 * resource under {@code org/newsroommonitor/messages/schema/}, also published in {@code docs/messages.md}).
 */
public enum MessageType {

    ARTICLE("article", Article.SCHEMA_VERSION, true),
    CLASSIFIED_ARTICLE("classified-article", Article.SCHEMA_VERSION, true),
    SUBSCRIPTION("subscription", Subscription.SCHEMA_VERSION, false),
    ALERT("alert", Alert.SCHEMA_VERSION, false);

    /** The field that carries the version in every message. */
    public static final String VERSION_FIELD = "schemaVersion";

    private final String name;
    private final int version;
    private final boolean versionRequired;

    MessageType(String name, int version, boolean versionRequired) {
        this.name = name;
        this.version = version;
        this.versionRequired = versionRequired;
    }

    /** Name as used in docs and schema file names, e.g. {@code classified-article}. */
    public String displayName() {
        return name;
    }

    /** The schema version this code reads and writes. */
    public int version() {
        return version;
    }

    /**
     * Whether a message must carry {@link #VERSION_FIELD}: yes for articles; subscriptions and alerts written before
     * the field was added have none and are read as version 1.
     */
    public boolean versionRequired() {
        return versionRequired;
    }

    /** Class-path resource of the schema of {@code version}. */
    public String schemaResource(int schemaVersion) {
        return "org/newsroommonitor/messages/schema/" + name + ".v" + schemaVersion + ".schema.json";
    }
}
