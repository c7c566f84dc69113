package org.newsroommonitor.classify.taxonomy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroommonitor.classify.topic.TopicClassifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxonomyLoaderTest {

    private final TaxonomyLoader loader = new TaxonomyLoader();

    private static String taxonomyWithRule(String rule) {
        return """
                version: "t"
                topics:
                  - id: blockade
                    label: Blockade
                    threshold: 1
                    rules:
                      - name: good
                        kind: terms
                        terms: [blockade]
                """ + rule.indent(6);
    }

    @Test
    void bundledTaxonomyHasTheThreeTopicsAndCompiles() {
        Taxonomy taxonomy = loader.loadBundled();

        assertThat(taxonomy.version()).isNotBlank();
        assertThat(taxonomy.topics()).extracting(TopicDefinition::id)
                .contains("humanitarian-aid", "blockade", "food-security");
        RuleDefinition near = taxonomy.topic("humanitarian-aid").orElseThrow().rules().stream()
                .filter(r -> r.name().equals("aid-vehicle")).findFirst().orElseThrow();
        assertThat(near.kind()).isEqualTo(RuleKind.NEAR);
        assertThat(near.within()).isEqualTo(5);
        assertThat(near.near()).contains("lorry", "convoy*");
        try (TopicClassifier classifier = TopicClassifier.create(taxonomy)) {
            assertThat(classifier.ruleCount()).isEqualTo(taxonomy.ruleCount());
        }
    }

    @Test
    void loadsATaxonomyFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taxonomy.yaml");
        Files.writeString(file, taxonomyWithRule(""));

        Taxonomy taxonomy = loader.loadFile(file);

        assertThat(taxonomy.version()).isEqualTo("t");
        assertThat(taxonomy.topics().getFirst().rules()).singleElement()
                .satisfies(rule -> assertThat(rule.effectiveWeight()).isEqualTo(1.0));
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.loadFile(dir.resolve("nope.yaml")))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("nope.yaml");
    }

    @Test
    void unknownRuleKindNamesTheRule() {
        assertThatThrownBy(() -> loader.parse(taxonomyWithRule("""
                - name: bad-kind
                  kind: nearby
                  terms: [siege]
                """), "test"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("rule 'blockade.bad-kind'")
                .hasMessageContaining("unknown rule kind 'nearby'");
    }

    @Test
    void nearRuleWithoutWithinNamesTheRule() {
        assertThatThrownBy(() -> loader.parse(taxonomyWithRule("""
                - name: road-closed
                  kind: near
                  terms: [road]
                  near: [closed]
                """), "test"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("rule 'blockade.road-closed'")
                .hasMessageContaining("'within'");
    }

    @Test
    void nearRuleWithTooLargeWithinNamesTheRule() {
        // words of two fields are 1,000 positions apart; a proximity stays well below that
        assertThatThrownBy(() -> loader.parse(taxonomyWithRule("""
                - name: road-closed
                  kind: near
                  terms: [road]
                  near: [closed]
                  within: 101
                """), "test"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("rule 'blockade.road-closed'")
                .hasMessageContaining("'within' is at most 100 words (got 101)");
    }

    @Test
    void misplacedStarNamesTheRuleAndTerm() {
        assertThatThrownBy(() -> loader.parse(taxonomyWithRule("""
                - name: star
                  kind: terms
                  terms: ["*ade"]
                """), "test"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("rule 'blockade.star'")
                .hasMessageContaining("'*ade'");
    }

    @Test
    void unknownFieldAndDuplicateNamesAreReported() {
        assertThatThrownBy(() -> loader.parse(taxonomyWithRule("""
                - name: typo
                  kind: terms
                  term: [siege]
                """), "test"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("rule 'blockade.typo' (line 10)")
                .hasMessageContaining("term");
        assertThatThrownBy(() -> loader.parse(taxonomyWithRule("""
                - name: good
                  kind: terms
                  terms: [siege]
                """), "test"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("rule 'blockade.good' (line 10) is defined twice");
    }

    @Test
    void missingVersionOrThresholdIsReported() {
        assertThatThrownBy(() -> loader.parse("topics: []", "test"))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("'version'");
        assertThatThrownBy(() -> loader.parse(taxonomyWithRule("").replace("threshold: 1", "threshold: 0"), "test"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("topic 'blockade'").hasMessageContaining("threshold");
    }

    @Test
    void termWithoutWordsFailsCompilationNamingTheRule() {
        Taxonomy taxonomy = loader.parse(taxonomyWithRule("""
                - name: punctuation
                  kind: terms
                  terms: ["--"]
                """), "test");
        assertThatThrownBy(() -> TopicClassifier.create(taxonomy))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("rule 'blockade.punctuation'")
                .hasMessageContaining("'--'");
    }

    @Test
    void tooShortPrefixFailsCompilationNamingTheRule() {
        Taxonomy taxonomy = loader.parse(taxonomyWithRule("""
                - name: short-prefix
                  kind: terms
                  terms: ["bl*"]
                """), "test");
        assertThatThrownBy(() -> TopicClassifier.create(taxonomy))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("rule 'blockade.short-prefix'");
    }

    @Test
    void theBundledTaxonomyLoadsTheModelTrainedForItsVersionAndTheRulesAloneOnRequest() {
        Taxonomy bundled = loader.loadBundled();

        assertThat(bundled.model()).isNotNull();
        assertThat(bundled.model().taxonomyVersion()).isEqualTo(bundled.version());
        assertThat(bundled.model().topics()).extracting(t -> t.topic())
                .containsExactlyElementsOf(bundled.topics().stream().map(TopicDefinition::id).toList());
        assertThat(loader.loadBundledRules().model()).isNull();
    }

    @Test
    void aTaxonomyFileLoadsTheModelBesideIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("taxonomy.yaml"), "model: m.json\n" + taxonomyWithRule(""));
        Files.writeString(dir.resolve("m.json"), MODEL.formatted("t", "blockade"));

        Taxonomy taxonomy = loader.loadFile(dir.resolve("taxonomy.yaml"));

        assertThat(taxonomy.model().version()).isEqualTo("m-1");
        assertThat(taxonomy.origin().model()).isEqualTo("m.json");
    }

    @Test
    void aModelTrainedForAnotherVersionOrTopicIsRefusedWithWhatToDo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("taxonomy.yaml"), "model: m.json\n" + taxonomyWithRule(""));

        Files.writeString(dir.resolve("m.json"), MODEL.formatted("older", "blockade"));
        assertThatThrownBy(() -> loader.loadFile(dir.resolve("taxonomy.yaml"))).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("trained for taxonomy version older").hasMessageContaining("./newsroom train");

        Files.writeString(dir.resolve("m.json"), MODEL.formatted("t", "floods"));
        assertThatThrownBy(() -> loader.loadFile(dir.resolve("taxonomy.yaml"))).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("has topic 'floods', which the taxonomy does not have");

        Files.delete(dir.resolve("m.json"));
        assertThatThrownBy(() -> loader.loadFile(dir.resolve("taxonomy.yaml"))).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("cannot read its model");
    }

    @Test
    void aModelOutsideTheTaxonomysFolderIsRefused() {
        assertThatThrownBy(() -> loader.parse("model: ../etc/m.json\n" + taxonomyWithRule(""), "(test)"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("must name a .json file beside the taxonomy");
    }

    private static final String MODEL = """
            {"format": 1, "version": "m-1", "taxonomyVersion": "%s",
             "topics": [{"id": "%s", "bias": -1, "threshold": 0.5, "weights": {"w:blockade": 2}}]}
            """;
}
