package org.newsroommonitor.classify.rules;

import org.junit.jupiter.api.Test;
import org.newsroommonitor.classify.taxonomy.TaxonomyLoader;
import org.newsroommonitor.classify.topic.Classification;
import org.newsroommonitor.classify.topic.TopicClassifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Proximity, prefixes, phrases, exclude and require rules on a small taxonomy written for the test. */
class RuleSemanticsTest {

    private static final String TAXONOMY = """
            version: "test-1"
            topics:
              - id: convoy
                label: Convoy
                threshold: 1.0
                rules:
                  - name: aid-near-truck
                    kind: near
                    weight: 1.0
                    terms: [aid, "relief suppl*"]
                    near: [truck*, convoy]
                    within: 3
                  - name: no-kit
                    kind: exclude
                    terms: ["first aid kit"]
              - id: shortage
                label: Shortage
                threshold: 1.0
                rules:
                  - name: words
                    kind: terms
                    weight: 2.0
                    terms: [shortage*, "ran out"]
                  - name: food-context
                    kind: require
                    weight: 0.5
                    terms: [bread, flour]
            """;

    private Classification classify(String text) {
        try (TopicClassifier classifier = TopicClassifier.create(new TaxonomyLoader().parse(TAXONOMY, "test"))) {
            return classifier.classify(null, null, text);
        }
    }

    @Test
    void nearMatchesWithinTheDistanceInEitherOrder() {
        assertThat(classify("aid reached the truck").topicIds()).containsExactly("convoy"); // 2 words between
        assertThat(classify("the trucks carried aid").topicIds()).containsExactly("convoy"); // reversed, prefix
        assertThat(classify("relief supplies on a convoy").topics().getFirst().hits().getFirst().term())
                .isEqualTo("relief supplies on a convoy");
    }

    @Test
    void nearFailsWhenTheTermsAreTooFarApart() {
        assertThat(classify("aid was later loaded onto the truck").topics()).isEmpty(); // 4 words between
        assertThat(classify("aid arrived. Much later, a truck came").topics()).isEmpty();
    }

    @Test
    void nearDoesNotMatchAcrossFields() {
        try (TopicClassifier classifier = TopicClassifier.create(new TaxonomyLoader().parse(TAXONOMY, "test"))) {
            assertThat(classifier.classify("aid", "truck", null).topics()).isEmpty();
        }
    }

    @Test
    void excludeSuppressesTheTopic() {
        assertThat(classify("the aid truck").topicIds()).containsExactly("convoy");
        assertThat(classify("the aid truck had a first aid kit").topics()).isEmpty();
    }

    @Test
    void requireRuleMustMatchForTheTopic() {
        assertThat(classify("a shortage of engineers").topics()).isEmpty();
        Classification withContext = classify("a shortage of bread");
        assertThat(withContext.topicIds()).containsExactly("shortage");
        // words (2.0) + food-context (0.5) = 2.5 = 2.5 x threshold -> 1 - 2^-2.5
        assertThat(withContext.topics().getFirst().score()).isEqualTo(0.82);
        assertThat(withContext.topics().getFirst().matched()).containsExactly("shortage", "bread");
    }

    @Test
    void phraseWithPrefixMatchesWordForms() {
        Classification result = classify("a relief supply convoy");
        assertThat(result.topics().getFirst().matched()).containsExactly("relief supply convoy");
        assertThat(classify("a relief convoy").topics()).isEmpty(); // a phrase needs all its words
    }
}
