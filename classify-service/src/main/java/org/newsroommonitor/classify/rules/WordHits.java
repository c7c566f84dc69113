package org.newsroommonitor.classify.rules;

import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.QueryMatch;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stored query that matched an article, with every matched word per field: the same hits, in the same order,
 * as Lucene's {@link HighlightsMatch} (sorted by start position, then end position), built by
 * {@link WordHitsMatcher}.
 */
public final class WordHits extends QueryMatch {

    private final Map<String, Set<HighlightsMatch.Hit>> hits = new TreeMap<>();

    WordHits(String queryId) {
        super(queryId);
    }

    /** The hits in a field, sorted by start position then end position; empty when none. */
    public Collection<HighlightsMatch.Hit> getHits(String field) {
        Set<HighlightsMatch.Hit> found = hits.get(field);
        return found == null ? Collections.emptyList() : Collections.unmodifiableCollection(found);
    }

    /** The fields with hits. */
    public Set<String> getFields() {
        return Collections.unmodifiableSet(hits.keySet());
    }

    void addHit(String field, int startPosition, int endPosition, int startOffset, int endOffset) {
        hits.computeIfAbsent(field, f -> new TreeSet<>())
                .add(new HighlightsMatch.Hit(startPosition, startOffset, endPosition, endOffset));
    }

    /** Both matches of one query (two parts of a decomposed query) in one. */
    static WordHits merge(WordHits first, WordHits second) {
        WordHits merged = new WordHits(first.getQueryId());
        for (WordHits match : new WordHits[]{first, second}) {
            for (Map.Entry<String, Set<HighlightsMatch.Hit>> field : match.hits.entrySet()) {
                merged.hits.computeIfAbsent(field.getKey(), f -> new TreeSet<>()).addAll(field.getValue());
            }
        }
        return merged;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordHits other && super.equals(o) && hits.equals(other.hits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), hits);
    }

    @Override
    public String toString() {
        return super.toString() + "{hits=" + hits + "}";
    }
}
