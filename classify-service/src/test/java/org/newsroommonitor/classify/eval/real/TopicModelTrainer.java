package org.newsroommonitor.classify.eval.real;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import org.newsroommonitor.classify.model.TopicModel;
import org.newsroommonitor.classify.rules.ArticleDocument;
import org.newsroommonitor.classify.taxonomy.RuleKind;
import org.newsroommonitor.classify.taxonomy.Taxonomy;
import org.newsroommonitor.classify.taxonomy.TopicDefinition;
import org.newsroommonitor.classify.topic.TopicClassifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trains the topic model on the dev part of the real-news set: one L2-regularised logistic regression per topic
 * (LIBLINEAR), over the features the classifier computes in service ({@link TopicClassifier#features}), keeping
 * the {@link #KEPT_WEIGHTS} strongest weights of each topic (the file stays small and readable; on dev this costs
 * about one point of F1 against keeping all).
 *
 * <p>For each topic the regularisation and the decision threshold are chosen by 5-fold cross-validation on dev,
 * with folds made of whole sources (a crisis event, a language file's sentence, a report, a news file's row
 * group), so that near-identical texts never sit on both sides of a fold. The threshold is the one with the best
 * F1 on the out-of-fold predictions; for the topics with a precision target it is the one with the best F1 among
 * those that keep out-of-fold precision at the target, when one does. The held-out part is never seen here.
 */
public final class TopicModelTrainer {

    /** Inverse regularisation strengths tried. */
    static final double[] COSTS = {0.03, 0.1, 0.3, 1};
    /** Weights kept per topic, the largest in absolute value; the others are dropped from the model file. */
    static final int KEPT_WEIGHTS = 4000;
    static final int FOLDS = 5;
    /** Rows of a single-file news corpus that stay in one fold: neighbouring rows often share a story. */
    static final int NEWS_ROWS_PER_GROUP = 50;
    /** A text feature must occur in this many dev texts to be learned from. */
    static final int MIN_DOCUMENTS = 2;

    /** The out-of-fold quality of a topic's chosen setting. */
    public record TopicReport(String topic, double cost, double threshold, double precision, double recall,
                              double f1, int weights) {

        TopicReport withWeights(int count) {
            return new TopicReport(topic, cost, threshold, precision, recall, f1, count);
        }
    }

    /** Out-of-fold figures of a topic as the service decides it: the model with the rules' veto and agreement. */
    public record ServiceReport(String topic, double precision, double recall, double f1) {
    }

    public record Result(TopicModel model, List<TopicReport> reports, List<ServiceReport> asDecided,
                         Map<String, Object> training) {
    }

    private final Map<String, Double> precisionTargets;

    /** @param precisionTargets per topic, the out-of-fold precision its threshold must keep when it can */
    public TopicModelTrainer(Map<String, Double> precisionTargets) {
        this.precisionTargets = Map.copyOf(precisionTargets);
    }

    public Result train(Taxonomy rulesOnly, List<RealNewsSet.Text> dev, String modelVersion) {
        Linear.disableDebugOutput();
        List<Map<String, Double>> features = new ArrayList<>(dev.size());
        try (TopicClassifier classifier = TopicClassifier.create(rulesOnly.withModel(null))) {
            for (RealNewsSet.Text text : dev) {
                features.add(classifier.features(new ArticleDocument(text.title(), null, text.text())));
            }
        }
        Map<String, Integer> index = index(features);
        String[] names = new String[index.size() + 1];
        index.forEach((name, i) -> names[i] = name);
        Feature[][] vectors = new Feature[dev.size()][];
        for (int i = 0; i < dev.size(); i++) {
            vectors[i] = vector(features.get(i), index);
        }
        int[] fold = folds(dev);

        List<TopicModel.TopicWeights> weights = new ArrayList<>();
        List<TopicReport> reports = new ArrayList<>();
        List<ServiceReport> asDecided = new ArrayList<>();
        for (TopicDefinition topic : rulesOnly.topics()) {
            double[] labels = new double[dev.size()];
            for (int i = 0; i < dev.size(); i++) {
                labels[i] = dev.get(i).topics().contains(topic.id()) ? 1 : 0;
            }
            TopicReport best = null;
            double[] bestOutOfFold = null;
            for (double cost : COSTS) {
                double[] outOfFold = crossValidate(vectors, labels, fold, cost, index.size());
                TopicReport report = choose(topic.id(), cost, labels, outOfFold);
                if (best == null || report.f1() > best.f1() + 1e-9) {
                    best = report;
                    bestOutOfFold = outOfFold;
                }
            }
            asDecided.add(asDecided(topic, labels, bestOutOfFold, best.threshold(), features));
            double[] w = weights(Linear.train(problem(vectors, labels, index.size(), null), parameter(best.cost())),
                    index.size());
            Map<String, Double> topicWeights = new TreeMap<>();
            for (int f = 1; f <= index.size(); f++) {
                if (w[f - 1] != 0) {
                    topicWeights.put(names[f], w[f - 1]);
                }
            }
            double bias = w[index.size()];
            weights.add(new TopicModel.TopicWeights(topic.id(), bias, best.threshold(), topicWeights));
            reports.add(best.withWeights(topicWeights.size()));
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("set", RealNewsSet.LABELS + " (split dev)");
        training.put("texts", dev.size());
        training.put("features", index.size());
        training.put("method", "L2-regularised logistic regression per topic (LIBLINEAR " + SolverType.L2R_LR
                + "), bias term, the " + KEPT_WEIGHTS + " strongest weights kept; cost and threshold by " + FOLDS
                + "-fold cross-validation over whole sources on dev");
        training.put("precisionTargets", new TreeMap<>(precisionTargets));
        Map<String, Object> outOfFold = new LinkedHashMap<>();
        for (TopicReport report : reports) {
            outOfFold.put(report.topic(), Map.of("cost", report.cost(), "precision", round(report.precision()),
                    "recall", round(report.recall()), "f1", round(report.f1())));
        }
        training.put("crossValidation", outOfFold);
        Map<String, Object> decided = new LinkedHashMap<>();
        for (ServiceReport report : asDecided) {
            decided.put(report.topic(), Map.of("precision", round(report.precision()), "recall",
                    round(report.recall()), "f1", round(report.f1())));
        }
        training.put("crossValidationAsDecided", decided);
        return new Result(new TopicModel(modelVersion, rulesOnly.version(), weights), reports, asDecided, training);
    }

    /** The out-of-fold figures of a topic under {@link TopicModel#assigns}, the service's decision rule. */
    static ServiceReport asDecided(TopicDefinition topic, double[] labels, double[] outOfFold, double threshold,
                                   List<Map<String, Double>> features) {
        List<String> excludes = topic.rules().stream().filter(r -> r.kind() == RuleKind.EXCLUDE)
                .map(r -> TopicModel.ruleFeature(topic.ruleId(r))).toList();
        String rulesAssign = TopicModel.rulesAssignFeature(topic.id());
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < labels.length; i++) {
            Map<String, Double> text = features.get(i);
            boolean assigned = TopicModel.assigns(outOfFold[i], threshold, text.containsKey(rulesAssign),
                    excludes.stream().anyMatch(text::containsKey));
            boolean positive = labels[i] > 0;
            tp += assigned && positive ? 1 : 0;
            fp += assigned && !positive ? 1 : 0;
            fn += !assigned && positive ? 1 : 0;
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        return new ServiceReport(topic.id(), precision, recall,
                precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    /** The best threshold on out-of-fold probabilities (see the class comment). */
    TopicReport choose(String topic, double cost, double[] labels, double[] probabilities) {
        Integer[] order = new Integer[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        int positives = 0;
        for (double label : labels) {
            positives += label > 0 ? 1 : 0;
        }
        Double target = precisionTargets.get(topic);
        TopicReport bestAny = null;
        TopicReport bestOnTarget = null;
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels[order[k]] > 0) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTies = k == order.length - 1 || probabilities[order[k + 1]] < probabilities[order[k]];
            if (!lastOfTies) {
                continue;
            }
            double precision = (double) tp / (tp + fp);
            double recall = positives == 0 ? 0 : (double) tp / positives;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            double threshold = k == order.length - 1 ? probabilities[order[k]]
                    : (probabilities[order[k]] + probabilities[order[k + 1]]) / 2;
            TopicReport report = new TopicReport(topic, cost, Math.max(threshold, 1e-4), precision, recall, f1, 0);
            if (bestAny == null || f1 > bestAny.f1()) {
                bestAny = report;
            }
            if (target != null && precision >= target && (bestOnTarget == null || f1 > bestOnTarget.f1())) {
                bestOnTarget = report;
            }
        }
        return bestOnTarget != null ? bestOnTarget : bestAny;
    }

    private double[] crossValidate(Feature[][] vectors, double[] labels, int[] fold, double cost, int features) {
        double[] outOfFold = new double[labels.length];
        for (int f = 0; f < FOLDS; f++) {
            int held = f;
            double[] w = weights(Linear.train(problem(vectors, labels, features, i -> fold[i] != held), parameter(cost)),
                    features);
            for (int i = 0; i < labels.length; i++) {
                if (fold[i] == held) {
                    outOfFold[i] = probability(w, vectors[i], features);
                }
            }
        }
        return outOfFold;
    }

    /**
     * The weights of the positive class, index {@code f - 1} for feature {@code f}, the bias last, with all but the
     * {@link #KEPT_WEIGHTS} largest (in absolute value) set to 0: the model file keeps only those.
     */
    static double[] weights(Model model, int features) {
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] w = new double[features + 1];
        double[] raw = model.getFeatureWeights();
        for (int i = 0; i <= features; i++) {
            w[i] = sign * raw[i];
        }
        if (KEPT_WEIGHTS < features) {
            double[] magnitudes = new double[features];
            for (int i = 0; i < features; i++) {
                magnitudes[i] = Math.abs(w[i]);
            }
            Arrays.sort(magnitudes);
            double cutoff = magnitudes[features - KEPT_WEIGHTS];
            for (int i = 0; i < features; i++) {
                if (Math.abs(w[i]) < cutoff) {
                    w[i] = 0;
                }
            }
        }
        return w;
    }

    private static double probability(double[] w, Feature[] x, int features) {
        double z = w[features];
        for (Feature feature : x) {
            z += w[feature.getIndex() - 1] * feature.getValue();
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static Problem problem(Feature[][] vectors, double[] labels, int features,
                                   java.util.function.IntPredicate include) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            if (include == null || include.test(i)) {
                rows.add(i);
            }
        }
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = features + 1;
        problem.bias = -1; // the bias is an explicit feature of every vector (see withBias)
        problem.x = new Feature[rows.size()][];
        problem.y = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            problem.x[r] = withBias(vectors[rows.get(r)], features);
            problem.y[r] = labels[rows.get(r)];
        }
        return problem;
    }

    /** The vector with the constant bias feature (index {@code features + 1}, value 1) at its end. */
    private static Feature[] withBias(Feature[] x, int features) {
        Feature[] withBias = Arrays.copyOf(x, x.length + 1);
        withBias[x.length] = new FeatureNode(features + 1, 1);
        return withBias;
    }

    private static Parameter parameter(double cost) {
        return new Parameter(SolverType.L2R_LR, cost, 0.001);
    }

    /** Feature name -> index from 1; text features seen in fewer than {@link #MIN_DOCUMENTS} texts are left out. */
    private static Map<String, Integer> index(List<Map<String, Double>> features) {
        Map<String, Integer> documents = new HashMap<>();
        for (Map<String, Double> text : features) {
            for (String feature : text.keySet()) {
                documents.merge(feature, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        new TreeMap<>(documents).forEach((feature, count) -> {
            boolean ruleFeature = feature.startsWith("r:") || feature.startsWith("t:");
            if (ruleFeature || count >= MIN_DOCUMENTS) {
                index.put(feature, index.size() + 1);
            }
        });
        return index;
    }

    private static Feature[] vector(Map<String, Double> features, Map<String, Integer> index) {
        List<FeatureNode> nodes = new ArrayList<>();
        features.forEach((feature, value) -> {
            Integer i = index.get(feature);
            if (i != null) {
                nodes.add(new FeatureNode(i, value));
            }
        });
        nodes.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
        return nodes.toArray(Feature[]::new);
    }

    /**
     * The fold of each text: whole sources go to one fold. The source is the crisis event or the file for the
     * message corpora, the sentence for the parallel SIB-200 corpus (all its translations together), the
     * document for the report excerpts, and groups of 50 rows for single-file news corpora.
     */
    static int[] folds(List<RealNewsSet.Text> texts) {
        int[] folds = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            folds[i] = Math.floorMod(source(texts.get(i).key()).hashCode() * 31 + 7, FOLDS);
        }
        return folds;
    }

    static String source(String key) {
        String relative = key.startsWith(CorpusTexts.EXTRA_PREFIX) ? key.substring(CorpusTexts.EXTRA_PREFIX.length())
                : key;
        String file = relative.substring(0, relative.indexOf('#'));
        String row = relative.substring(relative.indexOf('#') + 1);
        String corpus = relative.substring(0, relative.indexOf('/'));
        return switch (corpus) {
            case "sib200_train_dev_8lang", "sib200_hye_azj" -> "sib:" + file.substring(file.lastIndexOf('/') + 1) + "#" + row;
            case "humset_toponyms" -> "humset#" + row.substring(0, row.indexOf('/'));
            case "crisisnlp_lrec2016_crowdflower", "humaid_events_set1_train_dev", "idrisi_ar", "telegram_ru" -> file;
            default -> file + "#" + (Integer.parseInt(row) / NEWS_ROWS_PER_GROUP);
        };
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static Set<String> topics(Taxonomy taxonomy) {
        return Set.copyOf(taxonomy.topics().stream().map(TopicDefinition::id).toList());
    }
}
