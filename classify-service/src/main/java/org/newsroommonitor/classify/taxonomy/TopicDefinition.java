package org.newsroommonitor.classify.taxonomy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One topic of the taxonomy.
 *
 * @param id        stable id used in messages and the search index ({@code humanitarian-aid})
 * @param label     human-readable name
 * @param threshold the raw score (sum of the weights of the matched rules) a topic needs to be assigned
 * @param rules     the topic's rules
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TopicDefinition(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "label", required = true) String label,
        @JsonProperty(value = "threshold", required = true) double threshold,
        @JsonProperty(value = "rules", required = true) List<RuleDefinition> rules) {

    public TopicDefinition {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The id of one of this topic's rules: {@code <topic id>.<rule name>}. */
    public String ruleId(RuleDefinition rule) {
        return id + "." + rule.name();
    }

    /** Whether the topic has require rules, of which one must match. */
    public boolean hasRequireRules() {
        return rules.stream().anyMatch(rule -> rule.kind() == RuleKind.REQUIRE);
    }
}
