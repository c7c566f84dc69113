package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A feed an article was seen in ({@code sources[]}); the first is where it was seen first.
 *
 * @param feedUrl the feed's URL as registered
 * @param name    the feed's display name, or null
 * @param siteUrl the site the feed belongs to, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"feedUrl", "name", "siteUrl"})
public record ArticleSource(String feedUrl, String name, String siteUrl) {
}
