package org.newsroommonitor.classify.rules;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets the Monitor's presearcher filter queries that contain a prefix ({@code blockad*}), which it would
 * otherwise run on every article (a prefix is not a term, so the query is indexed as "matches any document").
 *
 * <ul>
 *   <li>Query side: a prefix is indexed in the presearcher as the marker term {@code \u0001} + its first
 *       {@value #MAX_LENGTH} characters, in the prefix's own field: a {@link PrefixQuery} (as the saved searches'
 *       {@code word*} is parsed) or an interval prefix of a topic rule ({@link #intervals(String)}, which Lucene's
 *       query analysis sees as an {@link IntervalQuery} on that source alone).</li>
 *   <li>Document side: every word of the article also yields the marker terms of its first
 *       {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters that some stored query was given, so a query
 *       with a prefix is selected exactly when some word of the article starts with the (cut) prefix.</li>
 * </ul>
 *
 * <p>This only decides which queries run; whether a query matches, and where, is still decided by the query
 * itself on the article, so the results do not change. A prefix shorter than {@value #MIN_LENGTH} characters is
 * left to the presearcher's default (runs on every article).
 */
public final class PrefixTerms implements CustomQueryHandler {

    /** Shortest prefix given a marker term. */
    public static final int MIN_LENGTH = 2;
    /** Prefixes are cut to this many characters (a longer prefix only selects more precisely). */
    public static final int MAX_LENGTH = 6;
    private static final char MARKER = '\u0001';

    /** The presearcher term of a prefix (already analyzed), or null when the prefix is too short. */
    public static Term term(String field, String prefix) {
        int length = prefix.codePointCount(0, prefix.length());
        if (length < MIN_LENGTH) {
            return null;
        }
        int end = prefix.offsetByCodePoints(0, Math.min(length, MAX_LENGTH));
        return new Term(field, MARKER + prefix.substring(0, end));
    }

    /** The interval source of a rule's prefix ({@code blockad*}): every word starting with {@code prefix}. */
    public static org.apache.lucene.queries.intervals.IntervalsSource intervals(String prefix) {
        return Intervals.prefix(new BytesRef(prefix), RuleCompiler.MAX_PREFIX_EXPANSIONS);
    }

    /**
     * The marker terms that stored queries of this monitor were given (only grows: a marker of a removed query
     * is still emitted, and dropped by the monitor because no stored query has it). A query's marker is added
     * here before the query is indexed, so an article never lacks the marker of a query it could match.
     */
    private final Set<String> markers = ConcurrentHashMap.newKeySet();
    /** Bit i: some marker is i characters long (without the marker character). */
    private volatile int markerLengths;

    @Override
    public QueryTree handleQuery(Query query, TermWeightor weightor) {
        Term term = null;
        if (query instanceof PrefixQuery prefixQuery) {
            term = term(prefixQuery.getField(), prefixQuery.getPrefix().text());
        } else if (query instanceof IntervalQuery intervalQuery) {
            String prefix = intervalPrefix(intervalQuery);
            term = prefix == null ? null : term(intervalQuery.getField(), prefix);
        }
        if (term == null) {
            return null;
        }
        String marker = term.text().substring(1);
        synchronized (markers) {
            markers.add(marker);
            markerLengths |= 1 << marker.length();
        }
        return QueryTree.term(term, weightor);
    }

    /**
     * The prefix of an interval query made of one {@link #intervals(String)} source, else null. Lucene does not
     * expose the source, so the prefix is read from the query's text and accepted only when the query equals the
     * one built from it (so a different source with a similar text is never taken for a prefix).
     */
    static String intervalPrefix(IntervalQuery query) {
        String text = query.toString(query.getField());
        String start = "MultiTerm(";
        if (!text.startsWith(start) || !text.endsWith("*)")) {
            return null;
        }
        String prefix = text.substring(start.length(), text.length() - 2);
        return query.equals(new IntervalQuery(query.getField(), intervals(prefix))) ? prefix : null;
    }

    @Override
    public TokenStream wrapTermStream(String field, TokenStream in) {
        return new PrefixFilter(in, markers, markerLengths);
    }

    /**
     * Passes every term on, followed by the marker terms of its prefixes that some stored query has (the others
     * would only be looked up in the query index and dropped).
     */
    private static final class PrefixFilter extends TokenFilter {

        private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
        private final Deque<String> pending = new ArrayDeque<>();
        private final Set<String> emitted = new HashSet<>();

        private final Set<String> markers;
        private final int markerLengths;

        PrefixFilter(TokenStream in, Set<String> markers, int markerLengths) {
            super(in);
            this.markers = markers;
            this.markerLengths = markerLengths;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!pending.isEmpty()) {
                // fresh attributes: the presearcher's filter adds skipped positions to the position increment,
                // which would otherwise keep growing over the emitted prefixes (and overflow on long articles)
                clearAttributes();
                termAttribute.setEmpty().append(pending.poll());
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            String word = termAttribute.toString();
            if (word.isEmpty() || word.charAt(0) == MARKER) {
                return true;
            }
            if (markerLengths == 0) {
                return true;
            }
            int length = word.codePointCount(0, word.length());
            for (int i = MIN_LENGTH; i <= Math.min(length, MAX_LENGTH); i++) {
                String prefix = word.substring(0, word.offsetByCodePoints(0, i));
                if ((markerLengths & (1 << prefix.length())) != 0 && markers.contains(prefix)
                        && emitted.add(prefix)) {
                    pending.add(MARKER + prefix);
                }
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
            emitted.clear();
        }
    }
}
