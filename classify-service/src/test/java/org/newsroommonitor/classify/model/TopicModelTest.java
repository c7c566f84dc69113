package org.newsroommonitor.classify.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TopicModelTest {

    private final TopicModel model = new TopicModel("m1", "t1", List.of(
            new TopicModel.TopicWeights("aid", -2, 0.5, Map.of("w:aid", 1.5, "w:donate", 2.0, "w:band", -3.0,
                    "w:the", 0.1, "w:kit", -0.5, "w:trucks", 0.2, "w:relief", 0.3)),
            new TopicModel.TopicWeights("blockade", -3, 0.4, Map.of("w:blockade", 3.5))));

    @Test
    void theProbabilityIsTheLogisticOfBiasPlusTheWeightsOfThePresentFeatures() {
        List<TopicModel.Decision> decisions = model.decide(Map.of("w:aid", 1.0, "w:donate", 1.0, "w:unknown", 1.0));

        assertThat(decisions).extracting(TopicModel.Decision::topic).containsExactly("aid", "blockade");
        assertThat(decisions.get(0).probability()).isCloseTo(1 / (1 + Math.exp(-1.5)), within(1e-9));
        assertThat(decisions.get(1).probability()).isCloseTo(1 / (1 + Math.exp(3)), within(1e-9));
        assertThat(decisions.get(0).threshold()).isEqualTo(0.5);
    }

    @Test
    void evidenceListsTheStrongestRaisingFeaturesOnly() {
        List<TopicModel.Evidence> aid = model.evidence(Map.of("w:aid", 1.0, "w:donate", 1.0, "w:kit", 1.0,
                "w:the", 1.0, "w:trucks", 1.0, "w:relief", 1.0, "w:band", 1.0), "aid");

        assertThat(aid).extracting(TopicModel.Evidence::feature)
                .containsExactly("w:donate", "w:aid", "w:relief", "w:trucks", "w:the");
        assertThat(aid).hasSize(TopicModel.EVIDENCE).allMatch(e -> e.contribution() > 0);
        assertThat(model.evidence(Map.of("w:aid", 1.0), "unknown-topic")).isEmpty();
    }

    @Test
    void anExcludeRuleVetoesAndAgreeingRulesLowerTheBar() {
        double threshold = 0.4;
        double belowButNear = TopicModel.RULES_AGREE_SHARE * threshold + 0.01;
        double farBelow = TopicModel.RULES_AGREE_SHARE * threshold - 0.01;

        assertThat(TopicModel.assigns(0.41, threshold, false, false)).isTrue();
        assertThat(TopicModel.assigns(0.39, threshold, false, false)).isFalse();
        assertThat(TopicModel.assigns(belowButNear, threshold, true, false)).isTrue();
        assertThat(TopicModel.assigns(farBelow, threshold, true, false)).isFalse();
        assertThat(TopicModel.assigns(0.99, threshold, true, true)).isFalse();
    }

    @Test
    void theScoreIsHalfWhereTheTopicIsAssignedAndOneAtCertainty() {
        double threshold = 0.4;
        double agreed = TopicModel.RULES_AGREE_SHARE * threshold;

        assertThat(new TopicModel.Decision("t", threshold, threshold).score()).isCloseTo(0.5, within(1e-9));
        assertThat(new TopicModel.Decision("t", 0.7, threshold).score()).isCloseTo(0.75, within(1e-9));
        assertThat(new TopicModel.Decision("t", 1.0, threshold).score()).isCloseTo(1.0, within(1e-9));
        assertThat(new TopicModel.Decision("t", agreed, threshold).score()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void sizeCountsTheWeightsOfAllTopics() {
        assertThat(model.size()).isEqualTo(8);
    }
}
