package org.newsroommonitor.classify.rules;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.util.BytesRef;
import org.newsroommonitor.classify.taxonomy.RuleDefinition;
import org.newsroommonitor.classify.taxonomy.TaxonomyException;
import org.newsroommonitor.classify.taxonomy.TopicDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a taxonomy rule into ONE Lucene query, built from intervals (which report the exact position and
 * offsets of every matched word):
 *
 * <ul>
 *   <li>a term is analyzed like article text; one word becomes a term, several words an exact phrase, and a
 *       {@code *} at the end of a word makes that word a prefix ({@code "food shortage*"},
 *       {@code "Лачинск* коридор*"});</li>
 *   <li>a terms rule matches any of its terms;</li>
 *   <li>a proximity rule matches a term of {@code terms} and a term of {@code near}, in either order, with at most
 *       {@code within} other words between them;</li>
 *   <li>the rule matches in any of the fields {@code title}, {@code summary}, {@code text} (a boolean
 *       disjunction of one interval query per field; words of one match are always in the same field).</li>
 * </ul>
 */
public final class RuleCompiler {

    /** Shortest prefix allowed before a trailing {@code *}, so a rule cannot expand to most of the vocabulary. */
    public static final int MIN_PREFIX_LENGTH = 3;
    /** Most distinct words of one article a prefix may expand to. */
    public static final int MAX_PREFIX_EXPANSIONS = 1024;

    private final Analyzer analyzer;

    public RuleCompiler(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public CompiledRule compile(TopicDefinition topic, RuleDefinition rule) {
        String ruleId = topic.ruleId(rule);
        IntervalsSource terms = anyOf(rule.terms(), ruleId);
        IntervalsSource source;
        int spanGap;
        String description;
        if (rule.isProximity()) {
            IntervalsSource near = anyOf(rule.near(), ruleId);
            source = Intervals.maxgaps(rule.within(), Intervals.unorderedNoOverlaps(terms, near));
            spanGap = rule.within();
            description = rule.kind().yamlName() + " " + rule.terms() + " within " + rule.within() + " of " + rule.near();
        } else {
            source = terms;
            spanGap = 0;
            description = rule.kind().yamlName() + " " + rule.terms();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (ArticleField field : ArticleField.ALL) {
            query.add(new IntervalQuery(field.fieldName(), source), BooleanClause.Occur.SHOULD);
        }
        return new CompiledRule(ruleId, topic.id(), rule.kind(), rule.effectiveWeight(), query.build(), spanGap,
                description);
    }

    private IntervalsSource anyOf(List<String> terms, String ruleId) {
        List<IntervalsSource> sources = new ArrayList<>(terms.size());
        for (String term : terms) {
            sources.add(term(term, ruleId));
        }
        return sources.size() == 1 ? sources.getFirst() : Intervals.or(sources);
    }

    private IntervalsSource term(String term, String ruleId) {
        List<IntervalsSource> words = new ArrayList<>();
        for (String word : term.strip().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            List<String> tokens = analyze(prefix ? word.substring(0, word.length() - 1) : word);
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                if (prefix && i == tokens.size() - 1) {
                    if (token.codePointCount(0, token.length()) < MIN_PREFIX_LENGTH) {
                        throw new TaxonomyException("rule '" + ruleId + "': prefix '" + word + "' in term '" + term
                                + "' is too short (at least " + MIN_PREFIX_LENGTH + " letters before '*')");
                    }
                    words.add(Intervals.prefix(new BytesRef(token), MAX_PREFIX_EXPANSIONS));
                } else {
                    words.add(Intervals.term(token));
                }
            }
        }
        if (words.isEmpty()) {
            throw new TaxonomyException("rule '" + ruleId + "': term '" + term + "' contains no word");
        }
        return words.size() == 1 ? words.getFirst() : Intervals.phrase(words.toArray(IntervalsSource[]::new));
    }

    private List<String> analyze(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(ArticleField.TEXT.fieldName(), text)) {
            CharTermAttribute termAttribute = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(termAttribute.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** Compiles every rule of a topic. */
    public List<CompiledRule> compile(TopicDefinition topic) {
        List<CompiledRule> compiled = new ArrayList<>(topic.rules().size());
        for (RuleDefinition rule : topic.rules()) {
            compiled.add(compile(topic, rule));
        }
        return compiled;
    }

}
