package org.newsroommonitor.ingest.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises an HTML page served where a feed was expected, and finds the feeds it links to the way feed readers do
 * (feed autodiscovery): {@code <link rel="alternate">} with the type of RSS, Atom or JSON Feed. jsoup reads the page
 * as a browser would; it fetches nothing.
 */
final class WebPage {

    /**
     * After processing instructions, comments, a DOCTYPE and whitespace, an element that only HTML starts with. A
     * DOCTYPE alone does not decide: feeds with an XHTML DOCTYPE over an {@code <rss>} root exist.
     */
    private static final Pattern HTML_START = Pattern.compile(
            "^(?:\\s|<\\?[^>]*>|<!--.*?-->|<!doctype[^>\\[]*>)*<(?:html|head|body|meta|title|link|script|style)"
                    + "(?=[\\s>/])",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/json");

    private WebPage() {
    }

    /** Whether {@code text} (the decoded body, BOM removed) is an HTML page. */
    static boolean isHtml(String text) {
        return HTML_START.matcher(text.length() > 65_536 ? text.substring(0, 65_536) : text).lookingAt();
    }

    /**
     * The feeds the page links to, in page order, made absolute against {@code pageUri} (or the page's
     * {@code <base href>}), with their title and type; only http and https URLs, each once (the first link to
     * it). {@code pageUri} may be {@code null}: then only absolute links are found.
     */
    static List<FeedLink> feedLinks(String html, URI pageUri) {
        Document page = Jsoup.parse(html, pageUri == null ? "" : pageUri.toString());
        Map<String, FeedLink> feeds = new LinkedHashMap<>();
        for (Element link : page.select("link[href][type][rel]")) {
            boolean alternate = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
            String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
            int parameters = type.indexOf(';');
            if (parameters >= 0) {
                type = type.substring(0, parameters).strip();
            }
            String href = link.absUrl("href");
            String scheme = href.contains(":") ? href.substring(0, href.indexOf(':')).toLowerCase(Locale.ROOT) : "";
            if (alternate && FEED_TYPES.contains(type) && (scheme.equals("http") || scheme.equals("https"))) {
                String title = link.attr("title").strip();
                feeds.putIfAbsent(href, new FeedLink(href, title.isEmpty() ? null : title, type));
            }
        }
        return List.copyOf(feeds.values());
    }

    /** The error of a feed URL that serves a web page: what it is, and the feeds it links to. */
    static FeedParseException notAFeed(List<FeedLink> feeds) {
        List<String> urls = feeds.stream().map(FeedLink::url).toList();
        String message = "this is a web page (HTML), not a feed; " + (feeds.isEmpty()
                ? "it links to no feed (no <link rel=\"alternate\"> of type RSS, Atom or JSON Feed)"
                : "it links to " + (feeds.size() == 1 ? "this feed: " : "these feeds: ") + String.join(", ", urls));
        return new WebPageException(message, feeds);
    }
}
