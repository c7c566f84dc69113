package org.newsroommonitor.ingest.article;

/**
 * A feed an article was seen in: {@code sources[]} of the article message.
 *
 * @param feedUrl the feed's URL as configured
 * @param name    the feed's title as plain text, or {@code null} when it has none
 * @param siteUrl the feed's own link (its web site), or {@code null} when it has none
 */
public record ArticleSource(String feedUrl, String name, String siteUrl) {
}
