package org.newsroommonitor.classify.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.taxonomy.TopicDefinition;
import org.newsroommonitor.classify.topic.TopicClassifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality of the bundled taxonomy on the labelled evaluation set (classify-service/src/test/resources/eval):
 * precision, recall and F1 per topic, printed as a Markdown table (see docs/EVALUATION.md; the output goes to
 * target/surefire-reports/...TopicEvaluationTest-output.txt), failing when a topic's F1 drops below its floor.
 *
 * <p>The rules were tuned on the dev part only. The floors are set a little below what was measured with taxonomy
 * 2026.11.2; the 0.8 F1 goal for humanitarian-aid and blockade is enforced on the dev part. The held-out part
 * measures how the rules generalise; its floors are lower because it measured lower (humanitarian-aid and
 * blockade 0.67 there) and they only guard against regressions.
 */
class TopicEvaluationTest {

    /** F1 floors on the dev part (measured with 2026.11.2 in brackets). */
    static final Map<String, Double> DEV_FLOORS = floors(
            "humanitarian-aid", 0.90,   // 0.931
            "blockade", 0.83,           // 0.857
            "food-security", 0.64,      // 0.667
            "displacement", 0.88,       // 0.909
            "health", 0.89,             // 0.917
            "armed-conflict", 0.80,     // 0.828
            "detention", 0.94,          // 0.970
            "diplomacy", 0.75);         // 0.780
    static final double DEV_MICRO_F1_FLOOR = 0.83; // 0.855

    /** F1 floors on the held-out part (measured with 2026.11.2 in brackets). */
    static final Map<String, Double> HELD_OUT_FLOORS = floors(
            "humanitarian-aid", 0.62,   // 0.667
            "blockade", 0.62,           // 0.667
            "food-security", 0.78,      // 0.815
            "displacement", 0.80,       // 0.833
            "health", 0.66,             // 0.696
            "armed-conflict", 0.75,     // 0.783
            "detention", 0.95,          // 1.000
            "diplomacy", 0.76);         // 0.800
    static final double HELD_OUT_MICRO_F1_FLOOR = 0.74; // 0.776

    private static TopicClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = TopicClassifier.create(new TaxonomyLoader().loadBundled());
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void devPartMeetsItsFloors() {
        check(EvaluationSet.DEV, DEV_FLOORS, DEV_MICRO_F1_FLOOR);
    }

    @Test
    void heldOutPartMeetsItsFloors() {
        check(EvaluationSet.HELD_OUT, HELD_OUT_FLOORS, HELD_OUT_MICRO_F1_FLOOR);
    }

    @Test
    void theSetIsLargeAndCoversEveryTopicLanguageAndHardNegatives() {
        List<LabelledText> all = new ArrayList<>(EvaluationSet.DEV.load());
        all.addAll(EvaluationSet.HELD_OUT.load());
        assertThat(all).hasSizeGreaterThanOrEqualTo(200);
        assertThat(all).extracting(LabelledText::id).doesNotHaveDuplicates();
        for (TopicDefinition topic : classifier.taxonomy().topics()) {
            for (EvaluationSet set : EvaluationSet.values()) {
                assertThat(set.load()).as("texts labelled %s in %s", topic.id(), set)
                        .filteredOn(text -> text.topics().contains(topic.id())).hasSizeGreaterThanOrEqualTo(8);
            }
        }
        assertThat(all).as("texts with no topic (hard negatives)").filteredOn(text -> text.topics().isEmpty())
                .hasSizeGreaterThanOrEqualTo(50);
        assertThat(all).as("texts with several topics").filteredOn(text -> text.topics().size() > 1)
                .hasSizeGreaterThanOrEqualTo(60);
        assertThat(all).as("Russian texts").filteredOn(text -> text.title().matches(".*\\p{IsCyrillic}.*"))
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(all).as("Armenian texts").filteredOn(text -> text.title().matches(".*\\p{IsArmenian}.*"))
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(all).as("Azerbaijani texts").filteredOn(text -> text.title().matches(".*[əğış].*"))
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void floorsCoverEveryTopicAndMeetTheIssueMinimum() {
        List<String> topics = classifier.taxonomy().topics().stream().map(TopicDefinition::id).toList();
        assertThat(DEV_FLOORS.keySet()).containsExactlyInAnyOrderElementsOf(topics);
        assertThat(HELD_OUT_FLOORS.keySet()).containsExactlyInAnyOrderElementsOf(topics);
        assertThat(DEV_FLOORS.get("humanitarian-aid")).isGreaterThanOrEqualTo(0.8);
        assertThat(DEV_FLOORS.get("blockade")).isGreaterThanOrEqualTo(0.8);
    }

    private static void check(EvaluationSet set, Map<String, Double> floors, double microFloor) {
        TopicMetrics metrics = TopicEvaluation.evaluate(classifier, set.load());
        System.out.println("Taxonomy " + classifier.taxonomyVersion() + ", " + set.resource());
        System.out.println(metrics.table(set.name()));
        metrics.errors().forEach(error -> System.out.println("  " + error));
        List<String> failures = new ArrayList<>();
        floors.forEach((topic, floor) -> {
            double f1 = metrics.counts(topic).f1();
            if (f1 < floor) {
                failures.add(String.format(Locale.ROOT, "%s F1 %.3f < floor %.2f", topic, f1, floor));
            }
        });
        double micro = metrics.micro().f1();
        if (micro < microFloor) {
            failures.add(String.format(Locale.ROOT, "micro F1 %.3f < floor %.2f", micro, microFloor));
        }
        assertThat(failures).as("%s below the floors:%n%s", set, metrics.table(set.name())).isEmpty();
    }

    private static Map<String, Double> floors(Object... topicAndFloor) {
        Map<String, Double> floors = new LinkedHashMap<>();
        for (int i = 0; i < topicAndFloor.length; i += 2) {
            floors.put((String) topicAndFloor[i], (Double) topicAndFloor[i + 1]);
        }
        return Map.copyOf(floors);
    }
}
