package org.newsroommonitor.classify.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Precision, recall and F1 per topic over a set of labelled texts, with micro averages (over all topic decisions)
 * and macro averages (mean of the per-topic figures).
 */
public final class TopicMetrics {

    /** Counts of one topic. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {

        public int support() {
            return truePositives + falseNegatives;
        }

        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? (falseNegatives == 0 ? 1.0 : 0.0) : (double) truePositives / predicted;
        }

        public double recall() {
            int actual = truePositives + falseNegatives;
            return actual == 0 ? (falsePositives == 0 ? 1.0 : 0.0) : (double) truePositives / actual;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    /** A text whose predicted topics differ from its labels. */
    public record Error(LabelledText text, Set<String> predicted) {

        public Set<String> missed() {
            Set<String> missed = new TreeSet<>(text.topics());
            missed.removeAll(predicted);
            return missed;
        }

        public Set<String> wrong() {
            Set<String> wrong = new TreeSet<>(predicted);
            wrong.removeAll(text.topics());
            return wrong;
        }

        @Override
        public String toString() {
            return text.id() + " missed=" + missed() + " wrong=" + wrong() + " | " + text.title();
        }
    }

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<Error> errors = new ArrayList<>();
    private int texts;

    public TopicMetrics(List<String> topics) {
        for (String topic : topics) {
            counts.put(topic, new int[3]);
        }
    }

    /** Adds one text with the topics the classifier gave it. */
    public void add(LabelledText text, Set<String> predicted) {
        texts++;
        for (String label : text.topics()) {
            if (!counts.containsKey(label)) {
                throw new IllegalArgumentException(text.id() + ": label '" + label + "' is not a topic of the taxonomy "
                        + counts.keySet());
            }
        }
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            boolean actual = text.topics().contains(entry.getKey());
            boolean guessed = predicted.contains(entry.getKey());
            if (actual && guessed) {
                entry.getValue()[0]++;
            } else if (guessed) {
                entry.getValue()[1]++;
            } else if (actual) {
                entry.getValue()[2]++;
            }
        }
        if (!predicted.equals(text.topics())) {
            errors.add(new Error(text, Set.copyOf(predicted)));
        }
    }

    public int texts() {
        return texts;
    }

    public Counts counts(String topic) {
        int[] c = counts.get(topic);
        if (c == null) {
            throw new IllegalArgumentException("unknown topic " + topic);
        }
        return new Counts(c[0], c[1], c[2]);
    }

    public Counts micro() {
        int tp = 0, fp = 0, fn = 0;
        for (int[] c : counts.values()) {
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        return new Counts(tp, fp, fn);
    }

    public double macroPrecision() {
        return counts.keySet().stream().mapToDouble(t -> counts(t).precision()).average().orElse(0);
    }

    public double macroRecall() {
        return counts.keySet().stream().mapToDouble(t -> counts(t).recall()).average().orElse(0);
    }

    public double macroF1() {
        return counts.keySet().stream().mapToDouble(t -> counts(t).f1()).average().orElse(0);
    }

    /** Texts whose predicted topics differ from the labels, in input order. */
    public List<Error> errors() {
        return List.copyOf(errors);
    }

    /** Texts whose predicted topics equal the labels exactly (including no topic for a negative). */
    public int exactMatches() {
        return texts - errors.size();
    }

    /** The table as Markdown. */
    public String table(String heading) {
        StringBuilder out = new StringBuilder();
        out.append(heading).append(" (").append(texts).append(" texts, ").append(exactMatches())
                .append(" with exactly the labelled topics)\n\n");
        out.append("| topic | support | TP | FP | FN | precision | recall | F1 |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String topic : counts.keySet()) {
            Counts c = counts(topic);
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n", topic,
                    c.support(), c.truePositives(), c.falsePositives(), c.falseNegatives(), c.precision(), c.recall(),
                    c.f1()));
        }
        Counts m = micro();
        out.append(String.format(Locale.ROOT, "| **micro avg** | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n",
                m.support(), m.truePositives(), m.falsePositives(), m.falseNegatives(), m.precision(), m.recall(),
                m.f1()));
        out.append(String.format(Locale.ROOT, "| **macro avg** | | | | | %.3f | %.3f | %.3f |%n", macroPrecision(),
                macroRecall(), macroF1()));
        return out.toString();
    }
}
