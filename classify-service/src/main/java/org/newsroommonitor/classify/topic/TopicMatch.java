package org.newsroommonitor.classify.topic;

import java.util.List;

/**
 * A topic assigned to an article ({@code topics[]} on the wire).
 *
 * @param id      topic id from the taxonomy
 * @param score   confidence in [0, 1], see {@link TopicScore}
 * @param matched the distinct matched words and phrases as they appear in the text, in hit order
 * @param hits    every match of the topic's rules, in field order (title, summary, text) then text order
 */
public record TopicMatch(String id, double score, List<String> matched, List<TopicHit> hits) {

    public TopicMatch {
        matched = matched == null ? List.of() : List.copyOf(matched);
        hits = hits == null ? List.of() : List.copyOf(hits);
    }
}
