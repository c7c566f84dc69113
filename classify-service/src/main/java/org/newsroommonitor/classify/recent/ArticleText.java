package org.newsroommonitor.classify.recent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The text of an article, as needed to classify it again. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleText(String id, String title, String summary, String text) {
}
