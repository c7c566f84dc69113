package org.newsroommonitor.classify.topic;

/**
 * One match of a rule in an article ({@code topics[].hits[]} on the wire).
 *
 * @param rule  rule id, {@code <topic>.<name>}
 * @param term  the matched text as it appears in the field ({@code field.substring(start, end)})
 * @param field {@code title}, {@code summary} or {@code text}
 * @param start offset of the first matched character
 * @param end   offset after the last matched character (exclusive)
 */
public record TopicHit(String rule, String term, String field, int start, int end) {
}
