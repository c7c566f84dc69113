package org.newsroommonitor.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * The one rule by which a record of the compacted topic {@code news.subscriptions} is read, so that every service
 * that keeps saved searches (classify-service to match them, search-service to list them) keeps the same ones.
 *
 * <p>The record key is the subscription's identity:
 * <ul>
 *   <li>a null value (tombstone) deletes the subscription of its key;</li>
 *   <li>a value that is a {@link MessageType#SUBSCRIPTION} of the version this code reads ({@link MessageSchemas})
 *       and whose {@code id} is its key saves (adds or replaces) it;</li>
 *   <li>anything else is refused with a reason: no key, a value that is not JSON, another {@code schemaVersion}, a
 *       value that does not match the schema (which requires {@code id}), or an {@code id} that is not the key. The
 *       subscription in force for that key (if any) stays as it was.</li>
 * </ul>
 * Thread-safe.
 */
public final class SubscriptionRecords {

    /** What a record does to the saved searches. */
    public sealed interface Change permits Save, Delete, Refuse {
    }

    /** Adds or replaces the subscription of its id (the record key). */
    public record Save(Subscription subscription) implements Change {
    }

    /** Deletes the subscription of this id (the record key). */
    public record Delete(String id) implements Change {
    }

    /** Changes nothing; {@code reason} says why, e.g. {@code id "b" is not the record key "a"}. */
    public record Refuse(String reason) implements Change {
    }

    private static final int MAX_QUOTED = 200;

    private final MessageSchemas schemas;
    private final ObjectMapper mapper;

    /** @param mapper reads the value into a {@link Subscription} (the service's, configured as Quarkus does) */
    public SubscriptionRecords(MessageSchemas schemas, ObjectMapper mapper) {
        this.schemas = schemas;
        this.mapper = mapper;
    }

    /** What the record with this key and value (null for a tombstone) does. */
    public Change read(String key, String value) {
        if (key == null || key.isBlank()) {
            return new Refuse("no key (the key is the subscription id)");
        }
        if (value == null) {
            return new Delete(key);
        }
        JsonNode json;
        try {
            json = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            return new Refuse("not JSON: " + e.getOriginalMessage());
        }
        Optional<String> problem = schemas.problem(MessageType.SUBSCRIPTION, json);
        if (problem.isPresent()) {
            return new Refuse(problem.get());
        }
        String id = json.get("id").asText();
        if (!id.equals(key)) {
            return new Refuse("id " + quoted(id) + " is not the record key " + quoted(key));
        }
        try {
            return new Save(mapper.treeToValue(json, Subscription.class));
        } catch (JsonProcessingException e) {
            // the schema was checked, so this is a value Jackson cannot bind (an instant it cannot parse, say)
            return new Refuse("not a subscription: " + e.getOriginalMessage());
        }
    }

    private static String quoted(String text) {
        return "\"" + (text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...") + "\"";
    }
}
