package org.newsroommonitor.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One match of a rule in an article ({@code topics[].hits[]}).
 *
 * @param rule  rule id, {@code <topic>.<name>}
 * @param term  the matched text as it appears in the field ({@code field.substring(start, end)})
 * @param field {@code title}, {@code summary} or {@code text}
 * @param start offset of the first matched character
 * @param end   offset after the last matched character (exclusive)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"rule", "term", "field", "start", "end"})
public record TopicHit(String rule, String term, String field, int start, int end) {
}
