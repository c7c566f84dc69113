package org.newsroommonitor.classify.rules;

import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's interval query over a disjunction of many terms ({@code terms}), or a proximity of two such
 * disjunctions ({@code terms} within {@code within} words of {@code near}), that is run on each article with only
 * the terms the article has ({@link #forArticle}).
 *
 * <p>A disjunction's absent terms add no intervals, so the cut query matches exactly where the whole one does, with
 * the same hits; but Lucene would look up every term of the whole query in the article and expand every prefix,
 * which for the taxonomy's proximity rules (up to 80 terms a side) was most of the time spent on rules. Here the
 * article's words are read once ({@link ArticleTerms}) and each term costs a hash look-up (a binary search for a
 * prefix); a rule with a side the article lacks entirely is not run at all.
 *
 * <p>For the Monitor's presearcher (which terms select the rule), equality and display, it is the whole query.
 * {@link #rewrite} cuts it for the searcher's article, so any matcher gets the same result; {@link WordHitsMatcher}
 * cuts it with the words it has already read.
 */
public final class PresentTermsQuery extends Query {

    private final List<RuleCompiler.Term> terms;
    private final List<RuleCompiler.Term> near;
    private final int within;
    private final IntervalQuery whole;

    private PresentTermsQuery(List<RuleCompiler.Term> terms, List<RuleCompiler.Term> near, int within) {
        this.terms = List.copyOf(terms);
        this.near = List.copyOf(near);
        this.within = within;
        this.whole = new IntervalQuery(ArticleDocument.FIELD, source(this.terms, this.near, within));
    }

    /** Any of the terms. */
    static PresentTermsQuery anyOf(List<RuleCompiler.Term> terms) {
        return new PresentTermsQuery(terms, List.of(), 0);
    }

    /** A term of {@code terms} and a term of {@code near}, either order, at most {@code within} words between. */
    static PresentTermsQuery near(List<RuleCompiler.Term> terms, List<RuleCompiler.Term> near, int within) {
        if (near.isEmpty()) {
            throw new IllegalArgumentException("a proximity needs terms on both sides");
        }
        return new PresentTermsQuery(terms, near, within);
    }

    /** The query as it is written: every term. */
    public IntervalQuery whole() {
        return whole;
    }

    /** The query with only the terms the article has; null when it cannot match the article. */
    public IntervalQuery forArticle(ArticleTerms article) {
        List<RuleCompiler.Term> presentTerms = present(terms, article);
        if (presentTerms.isEmpty()) {
            return null;
        }
        List<RuleCompiler.Term> presentNear = near.isEmpty() ? List.of() : present(near, article);
        if (!near.isEmpty() && presentNear.isEmpty()) {
            return null;
        }
        return new IntervalQuery(ArticleDocument.FIELD, source(presentTerms, presentNear, within));
    }

    private static List<RuleCompiler.Term> present(List<RuleCompiler.Term> terms, ArticleTerms article) {
        List<RuleCompiler.Term> present = new ArrayList<>(Math.min(terms.size(), 8));
        for (RuleCompiler.Term term : terms) {
            if (term.mayOccurIn(article)) {
                present.add(term);
            }
        }
        return present;
    }

    /** The one way both the whole and the cut query are built. */
    private static IntervalsSource source(List<RuleCompiler.Term> terms, List<RuleCompiler.Term> near, int within) {
        IntervalsSource any = RuleCompiler.anyOf(terms);
        return near.isEmpty() ? any
                : Intervals.maxgaps(within, Intervals.unorderedNoOverlaps(any, RuleCompiler.anyOf(near)));
    }

    @Override
    public Query rewrite(IndexSearcher searcher) {
        IntervalQuery cut = forArticle(ArticleTerms.of(searcher.getIndexReader()));
        return cut == null ? new MatchNoDocsQuery("the article has no term of a side") : cut;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        whole.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return whole.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && whole.equals(((PresentTermsQuery) other).whole);
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + whole.hashCode();
    }
}
