package org.newsroommonitor.classify.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned layer of the classifier: one logistic regression per topic over the text's {@link TextFeatures} and
 * the rule features ({@link #ruleFeature}: which rules matched, {@link #rulesAssignFeature}: whether the rules alone
 * would give the topic). It decides every topic, so it both adds topics the rules miss and takes away topics the
 * rules give in the wrong sense; the rules' hits stay the explanation, with the model's strongest features as
 * evidence. Trained from the real-news dev set (docs/EVALUATION.md), loaded from a {@link TopicModelFile}.
 * Immutable and thread-safe.
 */
public final class TopicModel {

    /** Evidence features listed for an assigned topic, at most. */
    public static final int EVIDENCE = 5;

    /**
     * One topic's regression.
     *
     * @param threshold the probability from which the topic is assigned (chosen on the dev set)
     * @param weights   feature -> weight; features not listed weigh 0
     */
    public record TopicWeights(String topic, double bias, double threshold, Map<String, Double> weights) {

        public TopicWeights {
            weights = Map.copyOf(weights);
        }
    }

    /** A feature of the text and how much it moved the topic's score (weight times value). */
    public record Evidence(String feature, double contribution) {
    }

    /**
     * A topic the rules alone assign is kept from this share of the model's threshold on: where the rules and the
     * model agree, the model needs less certainty. Measured on the dev set's out-of-fold probabilities, this changes
     * no topic's F1 by more than a point (docs/EVALUATION.md, round 2) and keeps the short headlines of the
     * project's own beat ("Blockade of the Lachin corridor"), whose words the real-news dev set hardly has.
     */
    public static final double RULES_AGREE_SHARE = 0.25;

    /** The model's view of one topic: its probability for the text and the threshold it was trained with. */
    public record Decision(String topic, double probability, double threshold) {

        /**
         * Whether the topic is assigned, given what the topic's rules say: an exclude rule that matched vetoes it
         * (editors keep the last word), otherwise the model's probability must reach its threshold, or
         * {@link #RULES_AGREE_SHARE} of it when the rules alone would assign the topic.
         */
        public boolean assigns(boolean rulesAssign, boolean excluded) {
            return TopicModel.assigns(probability, threshold, rulesAssign, excluded);
        }

        /**
         * The score of an assigned topic on the scale the rules' scores use: 0.5 at the probability from which it
         * is assigned (the threshold, or its {@link #RULES_AGREE_SHARE} when only that was reached), rising
         * linearly to 1 at probability 1.
         */
        public double score() {
            double from = probability >= threshold ? threshold : RULES_AGREE_SHARE * threshold;
            return Math.clamp(0.5 + 0.5 * (probability - from) / (1 - from), 0, 1);
        }
    }

    /** The decision rule of {@link Decision#assigns}, for the trainer's cross-validation too. */
    public static boolean assigns(double probability, double threshold, boolean rulesAssign, boolean excluded) {
        return !excluded && (probability >= threshold || rulesAssign && probability >= RULES_AGREE_SHARE * threshold);
    }

    private final String version;
    private final String taxonomyVersion;
    private final List<TopicWeights> topics;
    private final Map<String, double[]> weightsByFeature;

    public TopicModel(String version, String taxonomyVersion, List<TopicWeights> topics) {
        this.version = version;
        this.taxonomyVersion = taxonomyVersion;
        this.topics = List.copyOf(topics);
        Map<String, double[]> byFeature = new HashMap<>();
        for (int t = 0; t < topics.size(); t++) {
            for (Map.Entry<String, Double> weight : topics.get(t).weights().entrySet()) {
                byFeature.computeIfAbsent(weight.getKey(), feature -> new double[topics.size()])[t] = weight.getValue();
            }
        }
        this.weightsByFeature = Map.copyOf(byFeature);
    }

    /** The feature that says a rule matched. */
    public static String ruleFeature(String ruleId) {
        return "r:" + ruleId;
    }

    /** The feature that says the rules alone would assign the topic. */
    public static String rulesAssignFeature(String topic) {
        return "t:" + topic;
    }

    public String version() {
        return version;
    }

    /** The taxonomy version the model was trained with; it reads that taxonomy's rule ids. */
    public String taxonomyVersion() {
        return taxonomyVersion;
    }

    public List<TopicWeights> topics() {
        return topics;
    }

    /** Number of non-zero weights, all topics together. */
    public int size() {
        return topics.stream().mapToInt(t -> t.weights().size()).sum();
    }

    /** The model's view of every topic it knows, for a text with these features (feature -> value). */
    public List<Decision> decide(Map<String, Double> features) {
        int n = topics.size();
        double[] scores = new double[n];
        for (int t = 0; t < n; t++) {
            scores[t] = topics.get(t).bias();
        }
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            double[] weights = weightsByFeature.get(feature.getKey());
            if (weights != null) {
                double value = feature.getValue();
                for (int t = 0; t < n; t++) {
                    scores[t] += weights[t] * value;
                }
            }
        }
        List<Decision> decisions = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            decisions.add(new Decision(topics.get(t).topic(), 1 / (1 + Math.exp(-scores[t])),
                    topics.get(t).threshold()));
        }
        return decisions;
    }

    /**
     * The features of a text that raised a topic's score most, strongest first, at most {@link #EVIDENCE}: what an
     * editor is shown beside an assigned topic. Empty for a topic the model does not know.
     */
    public List<Evidence> evidence(Map<String, Double> features, String topic) {
        int t = 0;
        while (t < topics.size() && !topics.get(t).topic().equals(topic)) {
            t++;
        }
        if (t == topics.size()) {
            return List.of();
        }
        List<Evidence> raising = new ArrayList<>();
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            double[] weights = weightsByFeature.get(feature.getKey());
            if (weights != null && weights[t] * feature.getValue() > 0) {
                raising.add(new Evidence(feature.getKey(), weights[t] * feature.getValue()));
            }
        }
        return raising.stream()
                .sorted(Comparator.comparingDouble(Evidence::contribution).reversed().thenComparing(Evidence::feature))
                .limit(EVIDENCE).toList();
    }
}
