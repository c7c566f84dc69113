package org.newsroommonitor.classify.taxonomy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a rule does for its topic.
 *
 * <ul>
 *   <li>{@link #TERMS}: any of the rule's terms; adds the rule's weight to the topic's raw score.</li>
 *   <li>{@link #NEAR}: a term of {@code terms} within {@code within} words of a term of {@code near} (either
 *       order); adds the rule's weight.</li>
 *   <li>{@link #REQUIRE}: like terms (or near, when {@code near} is given); adds its weight, and a topic that has
 *       require rules is only assigned when at least one of them matched.</li>
 *   <li>{@link #EXCLUDE}: like terms (or near); the topic is not assigned when it matches. Its weight is not
 *       used.</li>
 * </ul>
 */
public enum RuleKind {
    TERMS, NEAR, REQUIRE, EXCLUDE;

    /** The name used in the taxonomy file: {@code terms}, {@code near}, {@code require}, {@code exclude}. */
    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a match adds the rule's weight to the topic's raw score. */
    public boolean scores() {
        return this != EXCLUDE;
    }

    @JsonCreator
    public static RuleKind fromYaml(String value) {
        for (RuleKind kind : values()) {
            if (kind.yamlName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown rule kind '" + value + "', expected one of "
                + Arrays.stream(values()).map(RuleKind::yamlName).collect(Collectors.joining(", ")));
    }
}
