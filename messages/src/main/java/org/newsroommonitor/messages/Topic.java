package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A topic an article was tagged with ({@code topics[]} of a classified article), and why.
 *
 * @param id      topic id from the taxonomy
 * @param score   confidence in [0, 1]: the topic model's probability, or the rules' score without a model
 * @param matched the distinct matched words and phrases as they appear in the text, in hit order
 * @param hits     every match of the topic's rules, in field order (title, summary, text) then text order
 * @param evidence the topic model's strongest features for this topic, strongest first; empty when the rules
 *                 alone decided (a taxonomy without a model) and in messages written before it was added
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "score", "matched", "hits", "evidence"})
public record Topic(String id, double score, List<String> matched, List<TopicHit> hits, List<TopicEvidence> evidence) {

    public Topic {
        matched = matched == null ? List.of() : List.copyOf(matched);
        hits = hits == null ? List.of() : List.copyOf(hits);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A topic decided by the rules alone (no model evidence). */
    public Topic(String id, double score, List<String> matched, List<TopicHit> hits) {
        this(id, score, matched, hits, List.of());
    }
}
