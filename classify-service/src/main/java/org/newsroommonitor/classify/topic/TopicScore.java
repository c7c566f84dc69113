package org.newsroommonitor.classify.topic;

/**
 * The score of a topic.
 *
 * <p>The raw score of a topic is the sum of the weights of its distinct matched terms/near/require rules (a rule
 * counts once however often it matches). The topic is assigned when {@code raw >= threshold}, no exclude rule of
 * the topic matched and, if the topic has require rules, at least one of them matched. The published score is
 *
 * <pre>score = 1 - 2^(-raw / threshold)</pre>
 *
 * rounded to two decimals: 0.5 exactly at the threshold, 0.75 at twice it, 0.88 at three times, approaching 1 as
 * more evidence is found; scores of topics with different thresholds are comparable.
 */
public final class TopicScore {

    private TopicScore() {
    }

    public static double of(double raw, double threshold) {
        if (raw <= 0) {
            return 0.0;
        }
        double score = 1.0 - Math.pow(2.0, -raw / threshold);
        return Math.round(score * 100.0) / 100.0;
    }
}
