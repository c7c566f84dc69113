package org.newsroommonitor.ingest.parse;

/**
 * A feed a web page links to (feed autodiscovery: {@code <link rel="alternate" type="..." href="..." title="...">}).
 *
 * @param url   the feed's address, absolute (resolved against the page's)
 * @param title the link's {@code title}, or {@code null} when it has none
 * @param type  the link's media type, lower case, without parameters: {@code application/rss+xml},
 *              {@code application/atom+xml}, {@code application/feed+json} or {@code application/json}
 */
public record FeedLink(String url, String title, String type) {
}
