package org.newsroommonitor.classify.rules;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Lets the Monitor's presearcher filter queries that contain a prefix ({@code blockad*}), which it would
 * otherwise run on every article (a prefix is not a term, so the query is indexed as "matches any document").
 *
 * <ul>
 *   <li>Query side: a prefix is indexed in the presearcher as the marker term {@code \u0001} + its first
 *       {@value #MAX_LENGTH} characters, in the prefix's own field (a {@link PrefixQuery}, as the saved searches'
 *       {@code word*} is parsed).</li>
 *   <li>Document side: every word of the article also yields the marker terms of its first
 *       {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters, so a query with a prefix is selected exactly
 *       when some word of the article starts with the (cut) prefix.</li>
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

    @Override
    public QueryTree handleQuery(Query query, TermWeightor weightor) {
        if (query instanceof PrefixQuery prefixQuery) {
            Term term = term(prefixQuery.getField(), prefixQuery.getPrefix().text());
            return term == null ? null : QueryTree.term(term, weightor);
        }
        return null;
    }

    @Override
    public TokenStream wrapTermStream(String field, TokenStream in) {
        return new PrefixFilter(in);
    }

    /** Passes every term on, followed by the marker terms of its prefixes. */
    private static final class PrefixFilter extends TokenFilter {

        private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
        private final Deque<String> pending = new ArrayDeque<>();
        private final Set<String> emitted = new HashSet<>();

        PrefixFilter(TokenStream in) {
            super(in);
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
            int length = word.codePointCount(0, word.length());
            for (int i = MIN_LENGTH; i <= Math.min(length, MAX_LENGTH); i++) {
                String prefix = MARKER + word.substring(0, word.offsetByCodePoints(0, i));
                if (emitted.add(prefix)) {
                    pending.add(prefix);
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
