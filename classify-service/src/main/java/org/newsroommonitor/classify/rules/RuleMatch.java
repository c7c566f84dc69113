package org.newsroommonitor.classify.rules;

import java.util.List;

/**
 * A rule that matched an article, with every place it matched.
 *
 * @param rule  the rule
 * @param spans the matches, in field order then text order
 */
public record RuleMatch(CompiledRule rule, List<MatchSpan> spans) {

    public RuleMatch {
        spans = List.copyOf(spans);
    }
}
