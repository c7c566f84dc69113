package org.newsroommonitor.classify.taxonomy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One rule of a topic, as written in the taxonomy file.
 *
 * @param name   short name, unique in its topic; the rule id is {@code <topic>.<name>}
 * @param kind   what a match does for the topic
 * @param weight added to the topic's raw score when the rule matches (not used by exclude rules); default 1
 * @param terms  words or phrases ({@code "Red Cross"}); a {@code *} at the end of a word makes it a prefix
 *               ({@code blockad*}, {@code "food shortage*"})
 * @param near   for {@code near} rules (optional for require/exclude): the second term set
 * @param within for proximity: the largest number of other words allowed between a {@code terms} match and a
 *               {@code near} match
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleDefinition(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "kind", required = true) RuleKind kind,
        @JsonProperty("weight") Double weight,
        @JsonProperty("terms") List<String> terms,
        @JsonProperty("near") List<String> near,
        @JsonProperty("within") Integer within) {

    public static final double DEFAULT_WEIGHT = 1.0;

    public RuleDefinition {
        terms = terms == null ? List.of() : List.copyOf(terms);
        near = near == null ? List.of() : List.copyOf(near);
    }

    /** The rule's weight, {@value #DEFAULT_WEIGHT} when the file gives none. */
    public double effectiveWeight() {
        return weight == null ? DEFAULT_WEIGHT : weight;
    }

    /** Whether the rule is a proximity pattern ({@code terms} within {@code within} words of {@code near}). */
    public boolean isProximity() {
        return !near.isEmpty();
    }
}
