package org.newsroommonitor.classify.rules;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Matches the stored queries a {@link Monitor}'s presearcher selected and gives, for each that matches, where
 * every matched word is ({@link WordHits}): the same matches and hits as Lucene's {@link HighlightsMatch#MATCHER},
 * with less work per query:
 *
 * <ul>
 *   <li>a stored query is rewritten once, not once per article: Lucene's matcher rewrites and then walks every
 *       query (the clause-count check of {@link IndexSearcher#rewrite}) for each article, which took a quarter of
 *       the time of the topic rules and most of that of the saved searches. The rewritten form is kept by
 *       identity of the stored query (the Monitor hands the same object until the query is registered again) and
 *       must not depend on the article, which holds for the queries used here (boolean, term, phrase, prefix and
 *       interval queries); {@link #forget()} drops it when queries change;</li>
 *   <li>no query cache: the per-article searcher's default cache only wraps every weight (a one-document index
 *       is never cached);</li>
 *   <li>a {@link PresentTermsQuery} is run with only the terms the article has (its words are read once per
 *       article);</li>
 *   <li>{@link #only(Predicate)}: queries whose result would be thrown away (a saved search whose topic filter
 *       the article fails) are not run at all.</li>
 * </ul>
 *
 * <p>Thread-safe; one instance per monitor.
 */
public final class WordHitsMatcher implements MatcherFactory<WordHits> {

    private static final Predicate<String> ALL = id -> true;

    private final Map<Identity, Query> rewritten = new ConcurrentHashMap<>();

    @Override
    public CandidateMatcher<WordHits> createMatcher(IndexSearcher searcher) {
        return new Candidates(searcher, ALL);
    }

    /** A matcher that runs only the selected queries that pass the filter (by query id); the others never match. */
    public MatcherFactory<WordHits> only(Predicate<String> queryIds) {
        return searcher -> new Candidates(searcher, queryIds);
    }

    /** Forgets the rewritten queries; call when queries are registered or deleted. */
    public void forget() {
        rewritten.clear();
    }

    /** Number of rewritten queries kept. */
    int rewrittenCount() {
        return rewritten.size();
    }

    private Query rewrite(IndexSearcher searcher, Query query) throws IOException {
        Identity key = new Identity(query);
        Query known = rewritten.get(key);
        if (known == null) {
            // the first time exactly as Lucene does it, with its checks (too many clauses, ...)
            known = searcher.rewrite(query);
            rewritten.put(key, known);
        }
        return known;
    }

    /** A map key equal only to the same query object (Query.equals compares, and hashes, the whole structure). */
    private record Identity(Query query) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.query == query;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(query);
        }
    }

    private final class Candidates extends CandidateMatcher<WordHits> {

        private final Predicate<String> filter;
        /** The article's words, read when the first {@link PresentTermsQuery} is run. */
        private ArticleTerms articleTerms;

        Candidates(IndexSearcher searcher, Predicate<String> filter) {
            super(searcher);
            this.filter = filter;
            searcher.setQueryCache(null);
        }

        @Override
        public void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
            if (!filter.test(queryId)) {
                return;
            }
            Query query;
            if (matchQuery instanceof PresentTermsQuery cut) {
                if (articleTerms == null) {
                    articleTerms = ArticleTerms.of(searcher.getIndexReader());
                }
                query = cut.forArticle(articleTerms);
                if (query == null) {
                    return; // a side of the rule has no word in the article
                }
            } else {
                query = rewrite(searcher, matchQuery);
            }
            Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    Matches matches = weight.matches(leaf, doc);
                    if (matches != null) {
                        addMatch(hits(matches, queryId), leaf.docBase + doc);
                    }
                }
            }
        }

        @Override
        public WordHits resolve(WordHits first, WordHits second) {
            return WordHits.merge(first, second);
        }

        /** As HighlightsMatch: every sub-match (word of a phrase or proximity match), else the match itself. */
        private static WordHits hits(Matches matches, String queryId) throws IOException {
            WordHits hits = new WordHits(queryId);
            for (String field : matches) {
                MatchesIterator iterator = matches.getMatches(field);
                while (iterator.next()) {
                    MatchesIterator sub = iterator.getSubMatches();
                    if (sub != null) {
                        while (sub.next()) {
                            hits.addHit(field, sub.startPosition(), sub.endPosition(), sub.startOffset(),
                                    sub.endOffset());
                        }
                    } else {
                        hits.addHit(field, iterator.startPosition(), iterator.endPosition(),
                                iterator.startOffset(), iterator.endOffset());
                    }
                }
            }
            return hits;
        }
    }
}
