package org.newsroommonitor.ingest.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * HTML from feeds made safe to show: jsoup's {@link Safelist#basic()} (text formatting, lists, quotes and links;
 * no scripts, styles, event handlers, iframes, forms or images), links made absolute against the article and
 * given {@code rel="nofollow"}.
 */
final class SafeHtml {

    private static final Safelist SAFELIST = Safelist.basic();

    private SafeHtml() {
    }

    /** Sanitised HTML of feed content of the given type; plain text ({@code text}) is escaped. */
    static String fromContent(String value, String type, String baseUrl) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (type != null && (type.equalsIgnoreCase("text") || type.equalsIgnoreCase("text/plain"))) {
            return Entities.escape(PlainText.collapse(value));
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(value, baseUrl == null ? "" : baseUrl, SAFELIST, output).strip();
    }

    /** The {@code src} of the first {@code <img>} of an HTML fragment, made absolute; {@code null} if none. */
    static String firstImage(String html, String baseUrl) {
        if (html == null || !html.contains("<img") && !html.contains("<IMG")) {
            return null;
        }
        Element image = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl).selectFirst("img[src]");
        if (image == null) {
            return null;
        }
        String absolute = image.absUrl("src");
        return absolute.isEmpty() ? null : absolute;
    }
}
