package org.newsroommonitor.classify.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroommonitor.classify.taxonomy.TopicDefinition;
import org.newsroommonitor.classify.topic.BundledClassifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Quality of the bundled taxonomy on the self-written regression set (classify-service/src/test/resources/eval):
 * precision, recall and F1 per topic, printed as a Markdown table (see docs/EVALUATION.md; the output goes to
 * target/surefire-reports/...SelfWrittenRegressionTest-output.txt), failing when a topic's F1 drops below its floor.
 *
 * <p>The rules are tuned on the dev part, whose per-text errors are printed. The held-out part is written by
 * someone who has not seen the rules and is not tuned on: only its aggregate table is printed, never its per-text
 * errors. It must not repeat a dev text; a held-out file whose texts are all dev texts (the stand-in kept until
 * the independent set is added) is not a held-out set, and the held-out check is skipped with a message.
 */
class SelfWrittenRegressionTest {

    /*
     * The self-written set is a regression set, not the measure (issue 12; the measure is the real-news set,
     * RealNewsEvaluationTest). The floors sit a little below what taxonomy 2026.12.2 with its topic model scored;
     * in comments the figures of 2026.12.3, the current one, with 2026.11.5's rules alone in brackets. The model,
     * trained on real news, gives up part of the rules' fit to these texts, which the rules were tuned on
     * (docs/EVALUATION.md, "Regression set").
     */

    /** F1 floors on the dev part, 552 texts. */
    static final Map<String, Double> DEV_FLOORS = floors(
            "humanitarian-aid", 0.85,   // 0.879 (0.947)
            "blockade", 0.84,           // 0.865 (0.951)
            "food-security", 0.73,      // 0.789 (0.842)
            "displacement", 0.89,       // 0.911 (0.913)
            "health", 0.78,             // 0.817 (0.908)
            "armed-conflict", 0.74,     // 0.771 (0.857)
            "detention", 0.92,          // 0.949 (0.973)
            "diplomacy", 0.86);         // 0.879 (0.875)
    static final double DEV_MICRO_F1_FLOOR = 0.82; // 0.852 (0.911)

    /** F1 floors on the held-out part, 140 texts m001-m140. */
    static final Map<String, Double> HELD_OUT_FLOORS = floors(
            "humanitarian-aid", 0.86,   // 0.894 (0.909)
            "blockade", 0.76,           // 0.800 (0.857)
            "food-security", 0.68,      // 0.737 (0.800)
            "displacement", 0.81,       // 0.840 (0.800)
            "health", 0.54,             // 0.571 (0.786, 12 texts)
            "armed-conflict", 0.57,     // 0.606 (0.826)
            "detention", 0.94,          // 0.970 (0.970)
            "diplomacy", 0.84);         // 0.865 (0.865)
    static final double HELD_OUT_MICRO_F1_FLOOR = 0.75; // 0.786 (0.858)

    @RegisterExtension
    static final BundledClassifier classifier = new BundledClassifier();

    @Test
    void devPartMeetsItsFloors() {
        check(EvaluationSet.DEV, DEV_FLOORS, DEV_MICRO_F1_FLOOR, true);
    }

    @Test
    void heldOutPartMeetsItsFloors() {
        List<LabelledText> heldOut = EvaluationSet.HELD_OUT.load();
        Set<String> devTexts = EvaluationSet.DEV.load().stream().map(SelfWrittenRegressionTest::content).collect(toSet());
        List<String> repeated = heldOut.stream().filter(text -> devTexts.contains(content(text)))
                .map(LabelledText::id).toList();
        assumeFalse(!heldOut.isEmpty() && repeated.size() == heldOut.size(), EvaluationSet.HELD_OUT.resource()
                + " holds only dev texts: it is a stand-in, not a held-out set; add the independent held-out set"
                + " (docs/EVALUATION.md). Skipping the held-out check");
        assertThat(repeated).as("held-out texts that are also dev texts").isEmpty();
        for (String topic : HELD_OUT_FLOORS.keySet()) {
            assertThat(heldOut).as("held-out texts labelled %s", topic)
                    .filteredOn(text -> text.topics().contains(topic)).hasSizeGreaterThanOrEqualTo(8);
        }
        check(EvaluationSet.HELD_OUT, HELD_OUT_FLOORS, HELD_OUT_MICRO_F1_FLOOR, false);
    }

    @Test
    void theDevPartIsLargeAndCoversEveryTopicLanguageAndHardNegatives() {
        List<LabelledText> all = EvaluationSet.DEV.load();
        assertThat(all).hasSizeGreaterThanOrEqualTo(240);
        for (TopicDefinition topic : classifier.taxonomy().topics()) {
            assertThat(all).as("dev texts labelled %s", topic.id())
                    .filteredOn(text -> text.topics().contains(topic.id())).hasSizeGreaterThanOrEqualTo(20);
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
    void floorsCoverEveryTopic() {
        List<String> topics = classifier.taxonomy().topics().stream().map(TopicDefinition::id).toList();
        assertThat(DEV_FLOORS.keySet()).containsExactlyInAnyOrderElementsOf(topics);
        assertThat(HELD_OUT_FLOORS.keySet()).containsExactlyInAnyOrderElementsOf(topics);
    }

    /** Prints the table (and, for a part that is tuned on, its per-text errors) and checks the floors. */
    private static void check(EvaluationSet set, Map<String, Double> floors, double microFloor, boolean printErrors) {
        TopicMetrics metrics = TopicEvaluation.evaluate(classifier.get(), set.load());
        System.out.println("Taxonomy " + classifier.taxonomyVersion() + ", " + set.resource());
        System.out.println(metrics.table(set.name()));
        if (printErrors) {
            metrics.errors().forEach(error -> System.out.println("  " + error));
        }
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

    /** Title and text, lower case with spaces collapsed: the same text under another id is still the same text. */
    private static String content(LabelledText text) {
        return (text.title() + " " + text.text()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static Map<String, Double> floors(Object... topicAndFloor) {
        Map<String, Double> floors = new LinkedHashMap<>();
        for (int i = 0; i < topicAndFloor.length; i += 2) {
            floors.put((String) topicAndFloor[i], (Double) topicAndFloor[i + 1]);
        }
        return Map.copyOf(floors);
    }
}
