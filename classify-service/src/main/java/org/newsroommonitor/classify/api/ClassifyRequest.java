package org.newsroommonitor.classify.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A text to classify; any field may be missing. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassifyRequest(String title, String summary, String text) {
}
