package org.newsroommonitor.ingest.api;

import org.newsroommonitor.ingest.parse.FeedLink;

import java.util.List;

/**
 * The error answer to a URL that is a web page linking to no feed or to several: {@code {"error": ..., "feeds":
 * [{"url", "title", "type"}, ...]}}, nothing registered. It is http-edges' {@code ErrorBody} with the feeds beside
 * the error, so the person can add one of them.
 *
 * @param error what went wrong, in plain words
 * @param feeds the feeds the page links to, in page order; empty when none
 */
public record FeedChoices(String error, List<FeedLink> feeds) {
}
