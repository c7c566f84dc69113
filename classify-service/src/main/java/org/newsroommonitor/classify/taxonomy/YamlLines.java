package org.newsroommonitor.classify.taxonomy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line on which each node of a YAML document starts, by JSON pointer ({@code /topics/1/rules/0} -> 42). The
 * tree Jackson builds has no locations, so the document is streamed once more and the location of each token is
 * recorded under the path of the node it starts.
 */
final class YamlLines {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static final YamlLines NONE = new YamlLines(Map.of());

    /** Indexes a document; a document that cannot be parsed gives what was read up to the error. */
    static YamlLines of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext context = parser.getParsingContext();
                if (token.isStructStart()) {
                    context = context.getParent();
                }
                String pointer = context == null ? "" : context.pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException | RuntimeException e) {
            // the tree parser reports the syntax error with its own location
        }
        return new YamlLines(lines);
    }

    /** The line of the node at {@code pointer}, or -1 when unknown. */
    int line(String pointer) {
        return lines.getOrDefault(pointer, -1);
    }

    /** {@code " (line N)"}, or empty when the line is unknown. */
    String at(String pointer) {
        int line = line(pointer);
        return line < 0 ? "" : " (line " + line + ")";
    }
}
