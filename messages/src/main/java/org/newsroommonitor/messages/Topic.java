package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A topic an article was tagged with ({@code topics[]} of a classified article), and why.
 *
 * @param id      topic id from the taxonomy
 * @param score   confidence in [0, 1]
 * @param matched the distinct matched words and phrases as they appear in the text, in hit order
 * @param hits    every match of the topic's rules, in field order (title, summary, text) then text order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "score", "matched", "hits"})
public record Topic(String id, double score, List<String> matched, List<TopicHit> hits) {

    public Topic {
        matched = matched == null ? List.of() : List.copyOf(matched);
        hits = hits == null ? List.of() : List.copyOf(hits);
    }
}
