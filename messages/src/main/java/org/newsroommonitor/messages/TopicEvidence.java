package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A feature of the article that moved the topic model towards a topic ({@code topics[].evidence[]}).
 *
 * @param feature the feature as the model names it: {@code w:<word>}, {@code b:<word> <word>} (two words in a row),
 *                {@code p:<start of a word>}, {@code h:<hashtag or handle>}, {@code r:<rule id>} (a rule matched),
 *                {@code t:<topic id>} (the rules alone assign the topic), {@code url}
 * @param weight  how much it added to the topic's score (log-odds)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"feature", "weight"})
public record TopicEvidence(String feature, double weight) {
}
