package org.newsroommonitor.classify.rules;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalIterator;
import org.apache.lucene.queries.intervals.IntervalMatchesIterator;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * {@link Intervals#prefix(BytesRef, int)} that the Monitor's presearcher can filter: it matches exactly like the
 * prefix source it wraps, but reports itself to query visitors as the marker term of {@link PrefixTerms} instead
 * of "any term matching an automaton" (which makes the presearcher run the rule on every article).
 */
public final class PrefixIntervals extends IntervalsSource {

    private final IntervalsSource prefix;
    private final String text;

    /**
     * @param text          the prefix, analyzed (lower case, folded) like article words
     * @param maxExpansions most distinct words of one article the prefix may expand to
     */
    public PrefixIntervals(String text, int maxExpansions) {
        this.prefix = Intervals.prefix(new BytesRef(text), maxExpansions);
        this.text = text;
    }

    @Override
    public IntervalIterator intervals(String field, LeafReaderContext ctx) throws IOException {
        return prefix.intervals(field, ctx);
    }

    @Override
    public IntervalMatchesIterator matches(String field, LeafReaderContext ctx, int doc) throws IOException {
        return prefix.matches(field, ctx, doc);
    }

    @Override
    public void visit(String field, QueryVisitor visitor) {
        Term term = PrefixTerms.term(field, text);
        if (term == null) {
            prefix.visit(field, visitor);
        } else if (visitor.acceptField(field)) {
            visitor.consumeTerms(new IntervalQuery(field, this), term);
        }
    }

    @Override
    public int minExtent() {
        return prefix.minExtent();
    }

    @Override
    public Collection<IntervalsSource> pullUpDisjunctions() {
        return List.of(this);
    }

    @Override
    public int hashCode() {
        return prefix.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrefixIntervals that && prefix.equals(that.prefix);
    }

    @Override
    public String toString() {
        return prefix.toString();
    }
}
