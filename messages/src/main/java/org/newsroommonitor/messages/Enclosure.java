package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A media file attached to an article ({@code enclosures[]}: RSS {@code enclosure}, Atom {@code link rel="enclosure"}).
 *
 * @param url    absolute URL
 * @param type   MIME type as the feed gave it, or null
 * @param length size in bytes as the feed gave it, 0 when unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"url", "type", "length"})
public record Enclosure(String url, String type, long length) {
}
