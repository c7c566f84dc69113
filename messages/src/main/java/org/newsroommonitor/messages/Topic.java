package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A topic an article was tagged with ({@code topics[]} of a classified article), and why.
 *
 * @param id      topic id from the taxonomy
 * @param score   confidence in [0.5, 1] for an assigned topic: 0.5 at the point where the topic is assigned, 1 far
 *                above it (the rules' score, or the model's probability rescaled from its decision point)
 * @param matched the distinct matched words and phrases as they appear in the text, in hit order
 * @param hits     every match of the topic's rules, in field order (title, summary, text) then text order
 * @param probability the topic model's probability for the topic; null when the rules alone decided
 * @param evidence the topic model's strongest features for this topic, strongest first; empty when the rules
 *                 alone decided (a taxonomy without a model) and in messages written before it was added
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "score", "matched", "hits", "probability", "evidence"})
public record Topic(String id, double score, List<String> matched, List<TopicHit> hits,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Double probability, List<TopicEvidence> evidence) {

    public Topic {
        matched = matched == null ? List.of() : List.copyOf(matched);
        hits = hits == null ? List.of() : List.copyOf(hits);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A topic decided by the rules alone (no model evidence). */
    public Topic(String id, double score, List<String> matched, List<TopicHit> hits) {
        this(id, score, matched, hits, null, List.of());
    }
}
