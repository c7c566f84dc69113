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

    /** The model's decision on one topic. */
    public record Decision(String topic, double probability, boolean assigned, List<Evidence> evidence) {
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

    /** Decides every topic of the model for a text with these features (feature -> value). */
    public List<Decision> decide(Map<String, Double> features) {
        int n = topics.size();
        double[] scores = new double[n];
        List<List<Evidence>> evidence = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            scores[t] = topics.get(t).bias();
            evidence.add(new ArrayList<>());
        }
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            double[] weights = weightsByFeature.get(feature.getKey());
            if (weights == null) {
                continue;
            }
            for (int t = 0; t < n; t++) {
                if (weights[t] != 0) {
                    double contribution = weights[t] * feature.getValue();
                    scores[t] += contribution;
                    evidence.get(t).add(new Evidence(feature.getKey(), contribution));
                }
            }
        }
        List<Decision> decisions = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            TopicWeights topic = topics.get(t);
            double probability = 1 / (1 + Math.exp(-scores[t]));
            boolean assigned = probability >= topic.threshold();
            List<Evidence> strongest = assigned ? evidence.get(t).stream()
                    .filter(e -> e.contribution() > 0)
                    .sorted(Comparator.comparingDouble(Evidence::contribution).reversed()
                            .thenComparing(Evidence::feature))
                    .limit(EVIDENCE).toList() : List.of();
            decisions.add(new Decision(topic.topic(), probability, assigned, strongest));
        }
        return decisions;
    }
}
