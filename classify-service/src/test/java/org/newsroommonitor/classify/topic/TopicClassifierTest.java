package org.newsroommonitor.classify.topic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroommonitor.classify.model.TopicModel;
import org.newsroommonitor.classify.taxonomy.Taxonomy;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.messages.Topic;
import org.newsroommonitor.messages.TopicEvidence;
import org.newsroommonitor.messages.TopicHit;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The bundled taxonomy on paraphrases of the seed news, other languages and hard negatives. */
class TopicClassifierTest {

    @RegisterExtension
    static final BundledClassifier classifier = new BundledClassifier();

    // Paraphrase of the seed "Russian Humanitarian Aid Sent To Karabakh" (bread rationing).
    private static final String AID_TITLE = "Moscow's aid truck enters Karabakh via Aghdam";
    private static final String AID_SUMMARY =
            "A Russian Red Cross lorry loaded with fifteen tons of food crossed into Nagorno-Karabakh from Aghdam.";
    private static final String AID_TEXT = "The delivery of humanitarian aid came nine months into the Azerbaijani "
            + "blockade of the Lachin corridor. Shortages of food and medicine have grown so severe that officials in "
            + "Stepanakert began rationing bread last week, allowing each resident half a loaf a day.";

    @Test
    void russianAidParaphraseGetsAidBlockadeAndFoodSecurity() {
        Classification result = classifier.classify(AID_TITLE, AID_SUMMARY, AID_TEXT);

        assertThat(result.topicIds()).contains("humanitarian-aid", "blockade", "food-security");
        assertThat(result.taxonomyVersion()).isEqualTo(org.newsroommonitor.classify.taxonomy.BundledTaxonomy.VERSION);
        assertThat(result.topics()).extracting(Topic::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void russianAidParaphraseReportsExactTermsAndOffsets() {
        Topic aid = topic(classifier.classify(AID_TITLE, AID_SUMMARY, AID_TEXT), "humanitarian-aid");

        assertThat(aid.score()).isBetween(0.5, 1.0);
        assertThat(aid.matched()).contains("aid truck", "Red Cross", "humanitarian aid");
        assertThat(aid.hits()).extracting(TopicHit::term, TopicHit::field, TopicHit::start, TopicHit::end)
                .contains(tuple("aid truck", "title", 9, 18), tuple("Red Cross", "summary", 10, 19),
                        tuple("humanitarian aid", "text", 16, 32));
        Map<String, String> fields = Map.of("title", AID_TITLE, "summary", AID_SUMMARY, "text", AID_TEXT);
        for (Topic topic : classifier.classify(AID_TITLE, AID_SUMMARY, AID_TEXT).topics()) {
            for (TopicHit hit : topic.hits()) {
                assertThat(fields.get(hit.field()).substring(hit.start(), hit.end())).as(hit.toString())
                        .isEqualTo(hit.term());
            }
        }

        Topic food = topic(classifier.classify(AID_TITLE, AID_SUMMARY, AID_TEXT), "food-security");
        assertThat(food.matched()).contains("rationing bread");
        assertThat(food.score()).isBetween(0.5, 1.0);
    }

    @Test
    void flourOfferParaphraseGetsAidAndBlockade() {
        // Paraphrase of the seed about the Azerbaijani flour offer: one weak food signal only.
        Classification result = classifier.classify(
                "Azerbaijan offers flour to Karabakh, Stepanakert says no",
                "The Azerbaijan Red Crescent wants to send two trucks with 40 tons of flour to Aghdam.",
                "Karabakh leaders turned the offer down, calling it a distraction from the blockade and from the "
                        + "humanitarian crisis it caused, and demanded that supplies come through the Lachin corridor "
                        + "instead. Bread has become scarce in the region.");

        assertThat(result.topicIds()).contains("humanitarian-aid", "blockade");
        assertThat(topic(result, "humanitarian-aid").matched()).contains("Red Crescent");
        assertThat(topic(result, "blockade").matched()).contains("blockade", "Lachin corridor");
    }

    @Test
    void russianHumanitarianAidIsRecognised() {
        Classification result = classifier.classify("Россия направила гуманитарную помощь в Карабах", null,
                "Колонна грузовиков доставила гуманитарную помощь жителям региона.");

        assertThat(result.topicIds()).containsExactly("humanitarian-aid");
        assertThat(topic(result, "humanitarian-aid").matched()).contains("гуманитарную помощь");
    }

    @Test
    void russianArmenianAndAzerbaijaniBlockadeTermsAreRecognised() {
        assertThat(classifier.classify("Лачинский коридор перекрыт", "Блокада продолжается", null).topicIds())
                .containsExactly("blockade");
        assertThat(classifier.classify("Լաչինի միջանցքի շրջափակումը շարունակվում է", null, null).topicIds())
                .containsExactly("blockade");
        Classification azerbaijani = classifier.classify("Qarabağa humanitar yardım göndərildi",
                "Blokada davam edir", null);
        assertThat(azerbaijani.topicIds()).containsExactlyInAnyOrder("humanitarian-aid", "blockade");
        assertThat(topic(azerbaijani, "humanitarian-aid").matched()).contains("humanitar yardım");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The football team breaks the defensive blockade in the second half",
            "Always pack a first aid kit before the hiking trip",
            "Band Aid reunites for another Christmas single",
            "Ports authority opens a new shipping corridor for investors",
            "Summer blockbuster breaks box office records",
    })
    void hardNegativesGetNoTopic(String text) {
        assertThat(classifier.classify(text, text, text).topics()).isEmpty();
    }

    @Test
    void excludeRuleSuppressesAnOtherwiseAssignedTopic() {
        String siege = "Residents describe the blockade of the road as a siege";
        assertThat(classifier.classify(siege, null, null).topicIds()).containsExactly("blockade");
        assertThat(classifier.classify(siege + " after the football final", null, null).topics()).isEmpty();
    }

    @Test
    void everyTopicTheModelAssignsCarriesItsEvidence() {
        Classification result = classifier.classify(AID_TITLE, AID_SUMMARY, AID_TEXT);

        assertThat(result.topics()).isNotEmpty().allSatisfy(topic -> {
            assertThat(topic.evidence()).as(topic.id()).isNotEmpty().hasSizeLessThanOrEqualTo(TopicModel.EVIDENCE);
            assertThat(topic.evidence()).as(topic.id()).allMatch(e -> e.weight() > 0 && !e.feature().isBlank());
        });
    }

    @Test
    void aTopicTheModelWasNotTrainedForIsDecidedByItsRules() {
        Taxonomy rules = new TaxonomyLoader().parse("""
                version: "model-test"
                topics:
                  - id: aid
                    label: Aid
                    threshold: 1.0
                    rules:
                      - {name: aid, kind: terms, terms: [aid]}
                  - id: flooding
                    label: Flooding
                    threshold: 1.0
                    rules:
                      - {name: flood, kind: terms, terms: [flood*]}
                """, "(test)");
        TopicModel onlyAid = new TopicModel("m", "model-test",
                List.of(new TopicModel.TopicWeights("aid", -5, 0.5, Map.of("w:donate", 10.0))));
        try (TopicClassifier classifier = TopicClassifier.create(rules.withModel(onlyAid))) {
            // the model does not give aid for "aid" alone (and the rules agreeing is not enough at p = 0.007)...
            assertThat(classifier.classify("Aid after the flood", null, null).topicIds()).containsExactly("flooding");
            // ...but does for "donate", with its evidence, and the rules' hits still explain the tag
            Topic aid = topic(classifier.classify("Donate aid", null, null), "aid");
            assertThat(aid.evidence()).extracting(TopicEvidence::feature).containsExactly("w:donate");
            assertThat(aid.matched()).containsExactly("aid");
            assertThat(aid.score()).isEqualTo(0.99);
        }
    }

    @Test
    void ruleTermsMatchTheWordsOfHashtagsAndHandles() {
        Taxonomy rules = new TaxonomyLoader().parse("""
                version: "hashtags"
                topics:
                  - id: aid
                    label: Aid
                    threshold: 1.0
                    rules:
                      - {name: relief, kind: terms, terms: ["relief goods", "red cross"]}
                """, "(test)");
        try (TopicClassifier classifier = TopicClassifier.create(rules)) {
            Topic aid = topic(classifier.classify("Send #ReliefGoods via @AmericanRedCross", null, null), "aid");
            assertThat(aid.hits()).extracting(TopicHit::term).containsExactly("ReliefGoods", "RedCross");
        }
    }

    @Test
    void emptyAndNullTextsGetNoTopic() {
        assertThat(classifier.classify(null, null, null).topics()).isEmpty();
        assertThat(classifier.classify("", " ", "").topics()).isEmpty();
    }

    @Test
    void classifiesConcurrently() throws Exception {
        List<String> expected = classifier.classify(AID_TITLE, AID_SUMMARY, AID_TEXT).topicIds();
        List<java.util.concurrent.Callable<List<String>>> tasks = java.util.Collections.nCopies(64,
                () -> classifier.classify(AID_TITLE, AID_SUMMARY, AID_TEXT).topicIds());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (var future : pool.invokeAll(tasks)) {
                assertThat(future.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Topic topic(Classification result, String id) {
        return result.topics().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("topic " + id + " not assigned: " + result.topicIds()));
    }
}
