package org.newsroommonitor.classify.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Set;

/**
 * One labelled text of the evaluation set: a short news item (title + first paragraph) and the topics an editor
 * would tag it with (empty for a text that belongs to no topic).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LabelledText(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "title", required = true) String title,
        @JsonProperty(value = "text", required = true) String text,
        @JsonProperty(value = "topics", required = true) Set<String> topics) {

    public LabelledText {
        topics = Set.copyOf(topics);
    }
}
