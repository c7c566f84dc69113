package org.newsroommonitor.search.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a page of results ended: the sort values of its last hit (Elasticsearch {@code search_after}) and a hash
 * of the search it belongs to. Sent to clients as an opaque URL-safe string; clients must not build or change it.
 */
public record SearchCursor(String fingerprint, List<FieldValue> after) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 4096;

    public SearchCursor {
        after = List.copyOf(after);
    }

    public static SearchCursor of(String searchFingerprint, List<FieldValue> sortValues) {
        return new SearchCursor(hash(searchFingerprint), sortValues);
    }

    public String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", 1).put("f", fingerprint);
        ArrayNode values = node.putArray("a");
        for (FieldValue value : after) {
            switch (value._kind()) {
                case Double -> values.add(value.doubleValue());
                case Long -> values.add(value.longValue());
                case String -> values.add(value.stringValue());
                case Boolean -> values.add(value.booleanValue());
                case Null -> values.addNull();
                default -> throw new IllegalStateException("unexpected sort value " + value);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws BadSearchRequestException when the string is not a cursor this service made */
    public static SearchCursor decode(String encoded) {
        if (encoded.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(encoded));
            if (node == null || node.path("v").asInt() != 1 || !node.path("f").isTextual() || !node.path("a").isArray()
                    || node.path("a").isEmpty() || node.path("a").size() > 4) {
                throw invalid();
            }
            List<FieldValue> values = new ArrayList<>();
            for (JsonNode value : node.get("a")) {
                if (value.isFloatingPointNumber()) {
                    values.add(FieldValue.of(value.doubleValue()));
                } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                    values.add(FieldValue.of(value.longValue()));
                } else if (value.isTextual()) {
                    values.add(FieldValue.of(value.textValue()));
                } else if (value.isBoolean()) {
                    values.add(FieldValue.of(value.booleanValue()));
                } else if (value.isNull()) {
                    values.add(FieldValue.NULL);
                } else {
                    throw invalid();
                }
            }
            return new SearchCursor(node.get("f").textValue(), values);
        } catch (BadSearchRequestException e) {
            throw e;
        } catch (Exception e) {
            throw invalid();
        }
    }

    static String hash(String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BadSearchRequestException invalid() {
        return new BadSearchRequestException("cursor is not valid: pass the cursor of the previous response unchanged");
    }
}
