package org.newsroommonitor.classify.model;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TextFeaturesTest {

    @Test
    void hashtagsAndHandlesGiveTheirWordsAndStayWhole() {
        Map<String, Double> features = TextFeatures.of("Donate now #ReliefForNepal via @American_Red_Cross");

        assertThat(features).containsKeys("w:relief", "w:for", "w:nepal", "h:relieffornepal",
                "w:american", "w:red", "w:cross", "b:red cross", "h:american_red_cross", "w:donate");
        assertThat(features.keySet()).noneMatch(f -> f.contains("#") || f.contains("@"));
    }

    @Test
    void linksBecomeOneUrlFeatureAndLeaveNoWords() {
        Map<String, Double> features = TextFeatures.of("Help here https://t.co/AbCdEf12 and www.example.org/give");

        assertThat(features).containsKey("url").containsKeys("w:help", "w:here", "w:and");
        assertThat(features.keySet()).noneMatch(f -> f.contains("t.co") || f.contains("abcdef") || f.contains("example"));
    }

    @Test
    void capitalsAccentsAndEmojiAreFoldedOrDropped() {
        Map<String, Double> shouted = TextFeatures.of("AYÚDANOS 🙏 ¡URGENTE!");
        Map<String, Double> quiet = TextFeatures.of("ayudanos urgente");

        assertThat(shouted).isEqualTo(quiet);
        assertThat(shouted).containsKeys("w:ayudanos", "w:urgente", "b:ayudanos urgente", "p:ayuda", "p:urgen");
    }

    @Test
    void digitsCollapseAndShortWordsCountOnlyInPairs() {
        Map<String, Double> features = TextFeatures.of("5 of 12 trucks");

        assertThat(features).containsKeys("w:trucks", "b:0 of", "b:of 00", "b:00 trucks")
                .doesNotContainKeys("w:of", "w:0", "w:00");
    }

    @Test
    void inflectedWordsShareTheirPrefixInAnyScript() {
        assertThat(TextFeatures.of("гуманитарной")).containsKey("p:гуман");
        assertThat(TextFeatures.of("гуманитарная")).containsKey("p:гуман");
        assertThat(TextFeatures.of("մարդասիրական")).containsKey("p:մարդա");
    }

    @Test
    void everyFeatureIsPresenceOnlyOverTitleSummaryAndText() {
        Map<String, Double> features = TextFeatures.of("Aid aid AID", "convoy waits", "aid arrives in the town");

        assertThat(features.values()).containsOnly(1.0);
        assertThat(features).containsKeys("w:aid", "b:aid aid", "b:aid arrives", "w:town", "b:convoy waits");
        assertThat(TextFeatures.of(null, null, null)).isEmpty();
    }

    @Test
    void onlyTheLeadIsReadTitleFirst() {
        String filler = "word ".repeat(TextFeatures.MAX_WORDS - 2);
        Map<String, Double> features = TextFeatures.of("Convoy blocked", null, filler + "late blockade");

        assertThat(features).containsKeys("w:convoy", "w:blocked", "w:word")
                .doesNotContainKeys("w:late", "w:blockade", "b:word late");
        assertThat(TextFeatures.MAX_WORDS).isEqualTo(100);
    }
}
