package org.newsroommonitor.classify.rules;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.newsroommonitor.classify.taxonomy.RuleDefinition;
import org.newsroommonitor.classify.taxonomy.TaxonomyException;
import org.newsroommonitor.classify.taxonomy.TopicDefinition;

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
 *   <li>the rule matches in any of the fields {@code title}, {@code summary}, {@code text}: the query is over
 *       the one field of {@link ArticleDocument}, where words of different fields are too far apart to form one
 *       match.</li>
 * </ul>
 *
 * <p>A terms rule is compiled into parts that the monitor stores and selects on their own (its
 * {@link org.apache.lucene.monitor.QueryDecomposer} splits a disjunction): one interval query per term
 * that has an exact word, so that it only runs on articles that contain that word, plus one for the
 * terms made only of prefixes (those run only on articles with a word starting with one of the prefixes, see
 * {@link PrefixTerms}). This gives the same matches and the same hits as the
 * disjunction of all terms only when no term can match inside another term's match (an interval disjunction
 * drops a match that contains another one, e.g. "aid convoy" around "aid"), so a rule where one term could
 * (checked word by word, prefixes included) stays one interval query, as does a rule with more terms
 * than a boolean query may hold clauses. Proximity rules are not split. Proximity rules, the rules that stay one
 * disjunction and the prefix-only parts are {@link PresentTermsQuery}s: run on each article with only the terms it
 * has.
 */
public final class RuleCompiler {

    /** Shortest prefix allowed before a trailing {@code *}, so a rule cannot expand to most of the vocabulary. */
    public static final int MIN_PREFIX_LENGTH = 3;
    /** Most distinct words of one article a prefix may expand to. */
    public static final int MAX_PREFIX_EXPANSIONS = 1024;

    private final Analyzer analyzer;
    private final boolean optimized;

    public RuleCompiler(Analyzer analyzer) {
        this(analyzer, true);
    }

    /**
     * @param optimized false: every rule is one interval query over all its terms (the plain form, which tests
     *                  compare the optimized one with)
     */
    public RuleCompiler(Analyzer analyzer, boolean optimized) {
        this.analyzer = analyzer;
        this.optimized = optimized;
    }

    public CompiledRule compile(TopicDefinition topic, RuleDefinition rule) {
        String ruleId = topic.ruleId(rule);
        List<Term> terms = terms(rule.terms(), ruleId);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int spanGap;
        String description;
        if (rule.isProximity()) {
            PresentTermsQuery near = PresentTermsQuery.near(terms, terms(rule.near(), ruleId), rule.within());
            query.add(optimized ? near : near.whole(), BooleanClause.Occur.SHOULD);
            spanGap = rule.within();
            description = rule.kind().yamlName() + " " + rule.terms() + " within " + rule.within() + " of " + rule.near();
        } else {
            if (optimized && terms.size() > 1
                    && terms.size() <= IndexSearcher.getMaxClauseCount()
                    && noTermInsideAnother(terms)) {
                List<Term> prefixesOnly = new ArrayList<>();
                for (Term term : terms) {
                    if (term.hasExactWord()) {
                        add(query, term.source());
                    } else {
                        prefixesOnly.add(term);
                    }
                }
                if (!prefixesOnly.isEmpty()) {
                    query.add(PresentTermsQuery.anyOf(prefixesOnly), BooleanClause.Occur.SHOULD);
                }
            } else {
                PresentTermsQuery any = PresentTermsQuery.anyOf(terms);
                query.add(optimized ? any : any.whole(), BooleanClause.Occur.SHOULD);
            }
            spanGap = 0;
            description = rule.kind().yamlName() + " " + rule.terms();
        }
        return new CompiledRule(ruleId, topic.id(), rule.kind(), rule.effectiveWeight(), query.build(), spanGap,
                description);
    }

    private static void add(BooleanQuery.Builder query, IntervalsSource source) {
        query.add(new IntervalQuery(ArticleDocument.FIELD, source), BooleanClause.Occur.SHOULD);
    }

    static IntervalsSource anyOf(List<Term> terms) {
        List<IntervalsSource> sources = new ArrayList<>(terms.size());
        for (Term term : terms) {
            sources.add(term.source());
        }
        return sources.size() == 1 ? sources.getFirst() : Intervals.or(sources);
    }

    /** True when no term could match the same words as another term, or words inside another term's match. */
    static boolean noTermInsideAnother(List<Term> terms) {
        for (int i = 0; i < terms.size(); i++) {
            for (int j = 0; j < terms.size(); j++) {
                if (i != j && canMatchInside(terms.get(i).words(), terms.get(j).words())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Could {@code inner} match words that are all part of one match of {@code outer}? */
    private static boolean canMatchInside(List<Word> outer, List<Word> inner) {
        for (int offset = 0; offset + inner.size() <= outer.size(); offset++) {
            boolean all = true;
            for (int k = 0; k < inner.size() && all; k++) {
                all = canMatchSameWord(outer.get(offset + k), inner.get(k));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean canMatchSameWord(Word a, Word b) {
        if (a.prefix() && b.prefix()) {
            return a.token().startsWith(b.token()) || b.token().startsWith(a.token());
        }
        if (a.prefix()) {
            return b.token().startsWith(a.token());
        }
        if (b.prefix()) {
            return a.token().startsWith(b.token());
        }
        return a.token().equals(b.token());
    }

    /** One analyzed word of a term; {@code prefix}: matches every word starting with {@code token}. */
    record Word(String token, boolean prefix) {
        /** Whether the article has this word (or a word starting with it). */
        boolean mayOccurIn(ArticleTerms article) {
            return prefix ? article.hasPrefix(token) : article.contains(token);
        }
    }

    /** A term of a rule: its words and its interval source (a word, or a phrase of its words). */
    record Term(List<Word> words, IntervalsSource source) {
        boolean hasExactWord() {
            return words.stream().anyMatch(word -> !word.prefix());
        }

        /** False when the article lacks one of the words, so the term cannot match it. */
        boolean mayOccurIn(ArticleTerms article) {
            for (Word word : words) {
                if (!word.mayOccurIn(article)) {
                    return false;
                }
            }
            return true;
        }
    }

    private List<Term> terms(List<String> terms, String ruleId) {
        List<Term> compiled = new ArrayList<>(terms.size());
        for (String term : terms) {
            compiled.add(term(term, ruleId));
        }
        return compiled;
    }

    private Term term(String term, String ruleId) {
        List<Word> words = new ArrayList<>();
        List<IntervalsSource> sources = new ArrayList<>();
        for (String word : term.strip().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            List<String> tokens = Tokens.of(analyzer, prefix ? word.substring(0, word.length() - 1) : word);
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                if (prefix && i == tokens.size() - 1) {
                    if (token.codePointCount(0, token.length()) < MIN_PREFIX_LENGTH) {
                        throw new TaxonomyException("rule '" + ruleId + "': prefix '" + word + "' in term '" + term
                                + "' is too short (at least " + MIN_PREFIX_LENGTH + " letters before '*')");
                    }
                    words.add(new Word(token, true));
                    sources.add(PrefixTerms.intervals(token));
                } else {
                    words.add(new Word(token, false));
                    sources.add(Intervals.term(token));
                }
            }
        }
        if (sources.isEmpty()) {
            throw new TaxonomyException("rule '" + ruleId + "': term '" + term + "' contains no word");
        }
        return new Term(List.copyOf(words), sources.size() == 1 ? sources.getFirst()
                : Intervals.phrase(sources.toArray(IntervalsSource[]::new)));
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
