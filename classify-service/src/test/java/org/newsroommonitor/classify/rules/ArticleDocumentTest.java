package org.newsroommonitor.classify.rules;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleDocumentTest {

    private static final NewsAnalyzer ANALYZER = new NewsAnalyzer();

    @Test
    void offsetsOfTheJoinedTextMapBackToTheirField() throws IOException {
        ArticleDocument article = new ArticleDocument("Lachin corridor", "Aid trucks wait", "Bread is rationed.");
        List<int[]> hits = hits(article, new IntervalQuery(ArticleDocument.FIELD,
                Intervals.or(Intervals.term("corridor"), Intervals.term("trucks"), Intervals.term("rationed"))));
        assertThat(hits).hasSize(3);
        List<String> found = new ArrayList<>();
        for (int[] hit : hits) {
            ArticleField field = article.fieldAt(hit[2]);
            int start = article.fieldOffset(field, hit[2]);
            int end = article.fieldOffset(field, hit[3]);
            found.add(field.fieldName() + ":" + start + "-" + end + ":" + article.value(field).substring(start, end));
        }
        assertThat(found).containsExactly("title:7-15:corridor", "summary:4-10:trucks", "text:9-17:rationed");
    }

    @Test
    void wordsOfTwoFieldsAreFarApartAndFormNoPhraseOrProximityMatch() throws IOException {
        ArticleDocument article = new ArticleDocument("Road to Stepanakert blocked", "Corridor closed again", null);
        // "blocked corridor" only exists across the boundary of title and summary
        assertThat(hits(article, new PhraseQuery(ArticleDocument.FIELD, "blocked", "corridor"))).isEmpty();
        assertThat(hits(article, new IntervalQuery(ArticleDocument.FIELD, Intervals.maxgaps(ArticleDocument.MAX_WITHIN,
                Intervals.unorderedNoOverlaps(Intervals.term("blocked"), Intervals.term("closed")))))).isEmpty();
        // within one field they still do
        assertThat(hits(article, new PhraseQuery(ArticleDocument.FIELD, "corridor", "closed"))).hasSize(1);
        List<int[]> positions = hits(article, new IntervalQuery(ArticleDocument.FIELD,
                Intervals.or(Intervals.term("blocked"), Intervals.term("corridor"))));
        assertThat(positions).extracting(hit -> hit[0]).containsExactly(3, 3 + 1 + ArticleDocument.POSITION_GAP);
    }

    @Test
    void missingFieldsAreEmptyAndTheOthersKeepTheirField() throws IOException {
        ArticleDocument article = new ArticleDocument(null, "", "Convoy reached Aghdam.");
        assertThat(article.value(ArticleField.TITLE)).isEmpty();
        assertThat(article.value(ArticleField.SUMMARY)).isEmpty();
        List<int[]> hits = hits(article, new IntervalQuery(ArticleDocument.FIELD, Intervals.term("convoy")));
        assertThat(hits).hasSize(1);
        assertThat(article.fieldAt(hits.getFirst()[2])).isEqualTo(ArticleField.TEXT);
        assertThat(article.fieldOffset(ArticleField.TEXT, hits.getFirst()[2])).isZero();
        assertThat(hits.getFirst()[0]).as("first word after two empty fields").isGreaterThan(ArticleDocument.MAX_WITHIN);
    }

    /** Every matched word: start position, end position, start offset, end offset. */
    private static List<int[]> hits(ArticleDocument article, Query query) throws IOException {
        MemoryIndex index = MemoryIndex.fromDocument(article.luceneDocument(ANALYZER), ANALYZER, true, false);
        IndexSearcher searcher = index.createSearcher();
        LeafReaderContext leaf = searcher.getIndexReader().leaves().getFirst();
        Matches matches = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1)
                .matches(leaf, 0);
        List<int[]> hits = new ArrayList<>();
        if (matches == null) {
            return hits;
        }
        MatchesIterator iterator = matches.getMatches(ArticleDocument.FIELD);
        while (iterator.next()) {
            hits.add(new int[]{iterator.startPosition(), iterator.endPosition(), iterator.startOffset(),
                    iterator.endOffset()});
        }
        return hits;
    }
}
