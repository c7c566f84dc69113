package org.newsroommonitor.classify.rules;

import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.taxonomy.TopicDefinition;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules run with only the terms an article has: which terms are kept, and that a rule lacking a side is not run. */
class PresentTermsQueryTest {

    private static final NewsAnalyzer ANALYZER = new NewsAnalyzer();

    private static final String TAXONOMY = """
            version: "t"
            topics:
              - id: t
                label: T
                threshold: 1.0
                rules:
                  - name: convoy
                    kind: near
                    terms: [aid, "relief suppl*", "Red Cross"]
                    near: [truck*, convoy, lorry]
                    within: 3
                  - name: nested
                    kind: terms
                    terms: [aid, "aid convoy*", blockad*]
            """;

    private static PresentTermsQuery rule(int index) {
        TopicDefinition topic = new TaxonomyLoader().parse(TAXONOMY, "test").topics().getFirst();
        List<CompiledRule> rules = new RuleCompiler(ANALYZER).compile(topic);
        return (PresentTermsQuery) ((BooleanQuery) rules.get(index).query()).clauses().getFirst().query();
    }

    private static IndexSearcher searcher(String text) {
        MemoryIndex index = MemoryIndex.fromDocument(new ArticleDocument("Title", null, text).luceneDocument(ANALYZER),
                ANALYZER, true, false);
        return index.createSearcher();
    }

    @Test
    void keepsOnlyTheTermsTheArticleHasOnBothSides() throws IOException {
        PresentTermsQuery near = rule(0);
        IndexSearcher searcher = searcher("Relief supplies left on trucks of the Red Crescent, not a lorry.");
        Query cut = near.forArticle(ArticleTerms.of(searcher.getIndexReader()));
        // "aid" is absent, "Red Cross" lacks "cross", "convoy" is absent
        assertThat(cut.toString()).contains("relief", "suppl*", "truck*", "lorry")
                .doesNotContain("aid", "red", "cross", "convoy");
        assertThat(searcher.rewrite(near)).isEqualTo(cut);
        assertThat(searcher.count(near)).isEqualTo(1);
        assertThat(near.toString()).contains("aid", "cross", "convoy");
    }

    @Test
    void aRuleLackingASideIsNotRun() throws IOException {
        PresentTermsQuery near = rule(0);
        IndexSearcher searcher = searcher("Aid was promised, and the Red Cross spoke of it.");
        assertThat(near.forArticle(ArticleTerms.of(searcher.getIndexReader()))).isNull();
        assertThat(searcher.rewrite(near)).isInstanceOf(MatchNoDocsQuery.class);
        assertThat(searcher.count(near)).isZero();
    }

    @Test
    void aWholeDisjunctionKeepsItsPresentTerms() throws IOException {
        PresentTermsQuery nested = rule(1);
        IndexSearcher searcher = searcher("An aid convoy reached the town.");
        assertThat(nested.forArticle(ArticleTerms.of(searcher.getIndexReader())).toString())
                .contains("aid", "convoy*").doesNotContain("blockad");
        assertThat(searcher.count(nested)).isEqualTo(1);
        assertThat(nested.forArticle(ArticleTerms.of(searcher("The town waits.").getIndexReader()))).isNull();
    }

    @Test
    void articleTermsAnswerWordsAndPrefixes() {
        ArticleTerms terms = ArticleTerms.of(searcher("Blockade of Stepanakert; trucks wait.").getIndexReader());
        assertThat(terms.size()).isEqualTo(6); // title, blockade, of, stepanakert, trucks, wait
        assertThat(terms.contains("blockade")).isTrue();
        assertThat(terms.contains("block")).isFalse();
        assertThat(terms.hasPrefix("block")).isTrue();
        assertThat(terms.hasPrefix("blockade")).isTrue();
        assertThat(terms.hasPrefix("blockades")).isFalse();
        assertThat(terms.hasPrefix("waits")).isFalse();
        assertThat(terms.hasPrefix("zz")).isFalse();
        assertThat(terms.hasPrefix("a")).isFalse();
    }
}
