package org.newsroommonitor.classify.rules;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule engine: every compiled rule is a stored query of a Lucene {@link Monitor}, and an article is matched
 * once against all of them (as one field, {@link ArticleDocument}). The monitor's presearcher only runs the rules whose
 * words occur in the article; {@link WordHitsMatcher} then gives, for every matching rule, the position and offsets
 * of each matched word (as Lucene's {@link HighlightsMatch} does, with less work per rule). Words of one phrase or
 * one proximity match are joined back into one {@link MatchSpan} of the article field they are in.
 *
 * <p>Thread-safe: matching may run concurrently, also while rules are registered.
 */
public final class RuleMonitor implements Closeable {

    private final Monitor monitor;
    private final Analyzer analyzer;
    private final WordHitsMatcher matcher = new WordHitsMatcher();
    private final Map<String, CompiledRule> rules = new ConcurrentHashMap<>();

    public RuleMonitor(Analyzer analyzer) {
        this(Monitors.createForRules(analyzer), analyzer);
    }

    /**
     * A rule engine on the given (empty) monitor, with the analyzer the rules were compiled with; tests compare
     * monitor configurations with it.
     */
    public RuleMonitor(Monitor monitor, Analyzer analyzer) {
        this.monitor = monitor;
        this.analyzer = analyzer;
    }

    /** Registers rules; a rule with the id of a registered one replaces it. */
    public void register(List<CompiledRule> compiled) {
        List<MonitorQuery> queries = new ArrayList<>(compiled.size());
        for (CompiledRule rule : compiled) {
            queries.add(rule.toMonitorQuery());
        }
        try {
            monitor.register(queries);
            matcher.forget();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register rules in the Lucene monitor", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot register rules: " + e.getMessage(), e);
        }
        for (CompiledRule rule : compiled) {
            rules.put(rule.id(), rule);
        }
    }

    /** The ids of the registered rules. */
    public Set<String> ruleIds() {
        return Set.copyOf(rules.keySet());
    }

    public int ruleCount() {
        return rules.size();
    }

    /**
     * Matches one article against every registered rule.
     *
     * @return the matching rules with their spans, in registration-independent rule-id order
     */
    public List<RuleMatch> match(String title, String summary, String text) {
        return match(new ArticleDocument(title, summary, text));
    }

    /** As {@link #match(String, String, String)}. */
    public List<RuleMatch> match(ArticleDocument article) {
        MatchingQueries<WordHits> matches;
        try {
            matches = monitor.match(article.luceneDocument(analyzer), matcher);
        } catch (IOException e) {
            throw new UncheckedIOException("matching the article against the rules failed", e);
        }
        if (!matches.getErrors().isEmpty()) {
            var error = matches.getErrors().entrySet().iterator().next();
            throw new IllegalStateException("rule '" + error.getKey() + "' failed on the article: "
                    + error.getValue().getMessage(), error.getValue());
        }
        List<RuleMatch> result = new ArrayList<>();
        for (WordHits match : matches.getMatches()) {
            CompiledRule rule = rules.get(match.getQueryId());
            if (rule == null) {
                continue; // deleted between the match and this lookup
            }
            result.add(new RuleMatch(rule, spans(article, match, rule.spanGap())));
        }
        result.sort(Comparator.comparing(ruleMatch -> ruleMatch.rule().id()));
        return result;
    }

    /**
     * Joins the per-word hits of a match into spans: words of one field at most {@code gap} positions apart (0:
     * adjacent, as in a phrase) belong to one span. Spans come in field order, then by position.
     */
    public static List<MatchSpan> spans(ArticleDocument article, WordHits match, int gap) {
        return spans(article, match.getHits(ArticleDocument.FIELD), gap);
    }

    /** As {@link #spans(ArticleDocument, WordHits, int)}, from Lucene's own highlights (for comparisons in tests). */
    public static List<MatchSpan> spans(ArticleDocument article, HighlightsMatch match, int gap) {
        return spans(article, match.getHits(ArticleDocument.FIELD), gap);
    }

    private static List<MatchSpan> spans(ArticleDocument article, Collection<HighlightsMatch.Hit> hits, int gap) {
        List<MatchSpan> spans = new ArrayList<>();
        MatchSpan current = null;
        // hits come sorted by start position, then end position; positions grow from field to field
        for (HighlightsMatch.Hit hit : hits) {
            if (hit.startOffset() < 0 || hit.endOffset() < 0) {
                continue; // no offsets: cannot point at the text
            }
            ArticleField field = article.fieldAt(hit.startOffset());
            int start = article.fieldOffset(field, hit.startOffset());
            int end = article.fieldOffset(field, hit.endOffset());
            if (current != null && current.field() == field
                    && hit.startPosition() <= current.endPosition() + 1 + gap) {
                current = new MatchSpan(field, Math.min(current.start(), start), Math.max(current.end(), end),
                        current.startPosition(), Math.max(current.endPosition(), hit.endPosition()));
            } else {
                if (current != null) {
                    spans.add(current);
                }
                current = new MatchSpan(field, start, end, hit.startPosition(), hit.endPosition());
            }
        }
        if (current != null) {
            spans.add(current);
        }
        return spans;
    }

    @Override
    public void close() {
        Monitors.close(monitor);
    }
}
