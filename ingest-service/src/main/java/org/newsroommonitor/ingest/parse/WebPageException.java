package org.newsroommonitor.ingest.parse;

import java.util.List;

/** A web page (HTML) where a feed was expected, with the feeds it links to (autodiscovery). */
public final class WebPageException extends FeedParseException {

    private final List<FeedLink> feeds;

    WebPageException(String message, List<FeedLink> feeds) {
        super(message, null);
        this.feeds = List.copyOf(feeds);
    }

    /** The feeds the page links to, with their titles and types, in page order; empty when none. */
    public List<FeedLink> feeds() {
        return feeds;
    }

    /** The addresses of {@link #feeds()}, absolute, in page order; empty when none. */
    public List<String> feedUrls() {
        return feeds.stream().map(FeedLink::url).toList();
    }
}
