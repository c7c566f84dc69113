package org.newsroommonitor.ingest.parse;

import java.util.List;

/** A web page (HTML) where a feed was expected, with the feeds it links to (autodiscovery). */
public final class WebPageException extends FeedParseException {

    private final List<String> feedUrls;

    WebPageException(String message, List<String> feedUrls) {
        super(message, null);
        this.feedUrls = List.copyOf(feedUrls);
    }

    /** The feeds the page links to, absolute, in page order; empty when none. */
    public List<String> feedUrls() {
        return feedUrls;
    }
}
