package org.newsroommonitor.ingest.article;

import org.jsoup.Jsoup;

import java.util.regex.Pattern;

/** Plain text from the HTML or text that feeds carry. */
final class PlainText {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private PlainText() {
    }

    /** The text of an HTML fragment: tags, scripts and styles removed, entities decoded, whitespace collapsed. */
    static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return collapse(Jsoup.parse(html).text());
    }

    /** {@code text} with every run of whitespace (including no-break spaces) made one space, and trimmed. */
    static String collapse(String text) {
        if (text == null) {
            return "";
        }
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** The text of feed content of the given type: {@code text} and {@code text/plain} are text, all else HTML. */
    static String fromContent(String value, String type) {
        if (type != null && (type.equalsIgnoreCase("text") || type.equalsIgnoreCase("text/plain"))) {
            return collapse(value);
        }
        return fromHtml(value);
    }
}
