package org.newsroommonitor.ingest.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The feed file: YAML with one list, {@code feeds}, each entry a {@code url} with an optional {@code name} and
 * {@code paused}:
 * <pre>
 * feeds:
 *   - url: https://www.example.org/news/rss.xml
 *     name: Example News
 *   - url: https://www.example.org/atom.xml
 *     paused: true
 * </pre>
 * An unknown key is an error (a typo must not silently drop a feed).
 */
public final class FeedsFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FeedsFile() {
    }

    /** One entry of the file. */
    public record Entry(@JsonProperty(value = "url", required = true) String url, String name, boolean paused) {
    }

    record Document(List<Entry> feeds) {
    }

    /**
     * @param source named in errors
     * @throws IllegalArgumentException when the file is not valid, with where and why
     */
    public static List<Entry> read(InputStream in, String source) {
        try {
            Document document = YAML.readValue(in, Document.class);
            List<Entry> entries = new ArrayList<>();
            if (document != null && document.feeds() != null) {
                for (Entry entry : document.feeds()) {
                    if (entry == null || entry.url() == null || entry.url().isBlank()) {
                        throw new IllegalArgumentException("feed file " + source + ": an entry has no url");
                    }
                    entries.add(entry);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new IllegalArgumentException("feed file " + source + " is not valid: " + e.getMessage(), e);
        }
    }
}
