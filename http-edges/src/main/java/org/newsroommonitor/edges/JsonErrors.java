package org.newsroommonitor.edges;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.Map;

/**
 * What is wrong with a JSON body, in the client's terms: the field, what it should be, and where (line and column).
 * Used by {@link ErrorMappers} for request bodies, and by endpoints that read JSON themselves (a line of an upload).
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The problem Jackson found, as one sentence for an {@link ErrorBody}, without the input quoted back. */
    public static String describe(JsonProcessingException e) {
        String where = at(e.getLocation());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'" + where;
        }
        if (e instanceof MismatchedInputException mismatch) {
            String original = String.valueOf(mismatch.getOriginalMessage());
            if (original.startsWith("Trailing token")) {
                return "unexpected content after the JSON value" + where;
            }
            String field = field(mismatch);
            String expected = expected(mismatch.getTargetType());
            return field.isEmpty() ? "the JSON value must be " + expected + where
                    : "field '" + field + "' must be " + expected + where;
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field")) {
            return "duplicate field " + original.substring("Duplicate field ".length()) + where;
        }
        return "malformed JSON" + where + ": " + firstSentence(original);
    }

    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "a string";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Jackson's message up to where it starts quoting the input back ("(start marker at [Source: ..."). */
    private static String firstSentence(String message) {
        int cut = message.indexOf(" (start marker");
        String text = cut < 0 ? message : message.substring(0, cut);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
