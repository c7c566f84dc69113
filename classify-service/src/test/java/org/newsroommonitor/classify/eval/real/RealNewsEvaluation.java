package org.newsroommonitor.classify.eval.real;

import org.newsroommonitor.classify.eval.Intervals;
import org.newsroommonitor.classify.rules.ArticleDocument;
import org.newsroommonitor.classify.topic.TopicClassifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The figures of a classifier on a part of the real-news set: per topic precision, recall and F1 with 95%
 * confidence intervals, the share of off-topic news (sport, business, technology, culture) tagged
 * humanitarian-aid or blockade, and the recall of humanitarian-aid on short relief messages per language. Printed
 * as Markdown, in the tables docs/EVALUATION.md records.
 */
public final class RealNewsEvaluation {

    /** The sections the sources call sport, business, technology, culture, entertainment, science or travel. */
    static final Set<String> OFF_TOPIC_CATEGORIES = Set.of("sci_tech", "technology", "television", "science", "sports",
            "entertainment", "business", "tech", "culture & arts", "arts & culture", "food & drink", "style & beauty",
            "comedy", "travel", "money", "science/technology", "it", "gaming", "finances");
    static final List<String> TARGET_TOPICS = List.of("humanitarian-aid", "blockade");

    /** Counts of one topic, and its per-text truth and predictions for the F1 interval. */
    public record TopicFigures(String topic, int truePositives, int falsePositives, int falseNegatives,
                               boolean[] labels, boolean[] predictions) {

        public int support() {
            return truePositives + falseNegatives;
        }

        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return support() == 0 ? 0 : (double) truePositives / support();
        }

        public double f1() {
            return truePositives == 0 ? 0 : 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);
        }

        public Intervals.Interval precisionInterval() {
            return Intervals.wilson(truePositives, truePositives + falsePositives);
        }

        public Intervals.Interval recallInterval() {
            return Intervals.wilson(truePositives, support());
        }

        public Intervals.Interval f1Interval() {
            return Intervals.bootstrapF1(labels, predictions);
        }
    }

    /** A proportion with its interval: {@code count} of {@code of}. */
    public record Rate(int count, int of) {

        public double value() {
            return of == 0 ? 0 : (double) count / of;
        }

        public Intervals.Interval interval() {
            return Intervals.wilson(count, of);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d of %d, %.3f (95%% CI %s)", count, of, value(), interval());
        }
    }

    private final String name;
    private final List<RealNewsSet.Text> texts;
    private final List<Set<String>> predicted;
    private final List<String> topics;

    private RealNewsEvaluation(String name, List<RealNewsSet.Text> texts, List<Set<String>> predicted,
                               List<String> topics) {
        this.name = name;
        this.texts = texts;
        this.predicted = predicted;
        this.topics = topics;
    }

    /** Classifies the texts (title as the title, the rest as the text) and keeps the topics given. */
    public static RealNewsEvaluation of(String name, TopicClassifier classifier, List<RealNewsSet.Text> texts) {
        List<Set<String>> predicted = new ArrayList<>(texts.size());
        for (RealNewsSet.Text text : texts) {
            predicted.add(new HashSet<>(classifier.classify(new ArticleDocument(text.title(), null, text.text()))
                    .topicIds()));
        }
        List<String> topics = classifier.taxonomy().topics().stream().map(t -> t.id()).toList();
        return new RealNewsEvaluation(name, texts, predicted, topics);
    }

    /** The same evaluation restricted to some texts. */
    public RealNewsEvaluation part(String partName, Predicate<RealNewsSet.Text> filter) {
        List<RealNewsSet.Text> kept = new ArrayList<>();
        List<Set<String>> keptPredicted = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (filter.test(texts.get(i))) {
                kept.add(texts.get(i));
                keptPredicted.add(predicted.get(i));
            }
        }
        return new RealNewsEvaluation(partName, kept, keptPredicted, topics);
    }

    public int size() {
        return texts.size();
    }

    public TopicFigures figures(String topic) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        boolean[] labels = new boolean[texts.size()];
        boolean[] predictions = new boolean[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            labels[i] = texts.get(i).topics().contains(topic);
            predictions[i] = predicted.get(i).contains(topic);
            if (labels[i] && predictions[i]) {
                tp++;
            } else if (predictions[i]) {
                fp++;
            } else if (labels[i]) {
                fn++;
            }
        }
        return new TopicFigures(topic, tp, fp, fn, labels, predictions);
    }

    /** Off-topic news (by its source's section, and labelled neither aid nor blockade) tagged aid or blockade. */
    public Rate offTopicTagged() {
        int count = 0;
        int of = 0;
        for (int i = 0; i < texts.size(); i++) {
            RealNewsSet.Text text = texts.get(i);
            if (text.category() == null || !OFF_TOPIC_CATEGORIES.contains(text.category().toLowerCase(Locale.ROOT))
                    || TARGET_TOPICS.stream().anyMatch(text.topics()::contains)) {
                continue;
            }
            of++;
            if (TARGET_TOPICS.stream().anyMatch(predicted.get(i)::contains)) {
                count++;
            }
        }
        return new Rate(count, of);
    }

    /** Recall of humanitarian-aid on short messages (tweets, SMS) labelled humanitarian-aid, per language. */
    public Map<String, Rate> reliefMessageRecall() {
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < texts.size(); i++) {
            RealNewsSet.Text text = texts.get(i);
            if ("message".equals(text.kind()) && text.topics().contains("humanitarian-aid")) {
                int[] c = counts.computeIfAbsent(text.lang(), lang -> new int[2]);
                c[1]++;
                if (predicted.get(i).contains("humanitarian-aid")) {
                    c[0]++;
                }
            }
        }
        Map<String, Rate> rates = new LinkedHashMap<>();
        counts.forEach((lang, c) -> rates.put(lang, new Rate(c[0], c[1])));
        return rates;
    }

    /** Texts with exactly the labelled topics. */
    public int exact() {
        int exact = 0;
        for (int i = 0; i < texts.size(); i++) {
            exact += predicted.get(i).equals(texts.get(i).topics()) ? 1 : 0;
        }
        return exact;
    }

    /** The per-topic table, the off-topic rate and the relief recall, as Markdown. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %d texts, %d with exactly the labelled topics%n%n", name,
                texts.size(), exact()));
        out.append("| topic | support | TP | FP | FN | precision (95% CI) | recall (95% CI) | F1 (95% CI) |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String topic : topics) {
            TopicFigures f = figures(topic);
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.3f (%s) | %.3f (%s) | %.3f (%s) |%n",
                    topic, f.support(), f.truePositives(), f.falsePositives(), f.falseNegatives(), f.precision(),
                    f.precisionInterval(), f.recall(), f.recallInterval(), f.f1(), f.f1Interval()));
        }
        out.append("\nOff-topic news (sport, business, technology, culture) tagged humanitarian-aid or blockade: ")
                .append(offTopicTagged()).append('\n');
        out.append("\nRecall of humanitarian-aid on short relief messages, by language:\n\n");
        out.append("| language | relief messages | tagged | recall (95% CI) |\n|---|---:|---:|---:|\n");
        reliefMessageRecall().forEach((lang, rate) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f (%s) |%n",
                lang, rate.of(), rate.count(), rate.value(), rate.interval())));
        return out.toString();
    }

    /** Texts the classifier got wrong: key, missed and wrong topics, and the start of the text (dev part only). */
    public List<String> errors(int limit) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < texts.size() && errors.size() < limit; i++) {
            RealNewsSet.Text text = texts.get(i);
            if (!predicted.get(i).equals(text.topics())) {
                Set<String> missed = new java.util.TreeSet<>(text.topics());
                missed.removeAll(predicted.get(i));
                Set<String> wrong = new java.util.TreeSet<>(predicted.get(i));
                wrong.removeAll(text.topics());
                String start = (text.title() + " " + text.text()).strip().replaceAll("\\s+", " ");
                errors.add(text.key() + " missed=" + missed + " wrong=" + wrong + " | "
                        + start.substring(0, Math.min(140, start.length())));
            }
        }
        return errors;
    }
}
