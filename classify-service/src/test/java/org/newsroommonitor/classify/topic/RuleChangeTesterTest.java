package org.newsroommonitor.classify.topic;

import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.recent.ArticleText;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleChangeTesterTest {

    private static final String CURRENT = """
            version: "v1"
            topics:
              - id: flooding
                label: Flooding
                threshold: 1.0
                rules:
                  - {name: flood, kind: terms, terms: [flood*]}
              - id: drought
                label: Drought
                threshold: 1.0
                rules:
                  - {name: drought, kind: terms, terms: [drought]}
            """;

    @Test
    void reportsTheTopicsEachArticleWouldGainOrLose() {
        String candidate = CURRENT.replace("v1", "v2").replace("[drought]", "[drought, \"dry spell\"]")
                .replace("[flood*]", "[\"flash flood*\"]");
        TaxonomyLoader loader = new TaxonomyLoader();
        List<ArticleText> articles = List.of(
                new ArticleText("a1", "Flooding in the valley", null, null),
                new ArticleText("a2", "A long dry spell", null, null),
                new ArticleText("a3", "Flash floods and drought", null, null),
                new ArticleText("a4", "Football results", null, null));
        try (TopicClassifier current = TopicClassifier.create(loader.parse(CURRENT, "current"));
             TopicClassifier next = TopicClassifier.create(loader.parse(candidate, "candidate"))) {
            RuleChangeTester.Report report = RuleChangeTester.compare(current, next, articles);

            assertThat(report.compared()).isEqualTo(4);
            assertThat(report.currentVersion()).isEqualTo("v1");
            assertThat(report.candidateVersion()).isEqualTo("v2");
            assertThat(report.changes()).containsExactly(
                    new RuleChangeTester.Change("a1", "Flooding in the valley", List.of(), List.of("flooding")),
                    new RuleChangeTester.Change("a2", "A long dry spell", List.of("drought"), List.of()));
        }
    }
}
