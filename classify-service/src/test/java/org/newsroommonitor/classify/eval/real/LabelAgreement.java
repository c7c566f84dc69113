package org.newsroommonitor.classify.eval.real;

import java.util.List;
import java.util.Locale;

/**
 * How far the two independent labellings of the real-news set agree ({@code a} and {@code b} of each label line):
 * Cohen's kappa per topic, the texts labelled alike, and how many disagreements were settled by a third reading.
 */
public final class LabelAgreement {

    private LabelAgreement() {
    }

    /** Cohen's kappa of two yes/no labellings given as counts: both yes, first only, second only, both no. */
    static double kappa(int both, int firstOnly, int secondOnly, int neither) {
        double n = both + firstOnly + secondOnly + neither;
        double observed = (both + neither) / n;
        double firstYes = (both + firstOnly) / n;
        double secondYes = (both + secondOnly) / n;
        double expected = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
        return expected == 1 ? 1 : (observed - expected) / (1 - expected);
    }

    /** A Markdown table of the agreement on these texts, for these topics. */
    public static String report(String title, List<RealNewsSet.Text> texts, List<String> topics) {
        StringBuilder out = new StringBuilder();
        long alike = texts.stream().filter(t -> t.first().equals(t.second())).count();
        out.append(String.format(Locale.ROOT, "%s: %d texts, labelled alike %d (%.3f), settled by a third reading"
                + " %d%n%n", title, texts.size(), alike, (double) alike / texts.size(), texts.size() - alike));
        out.append("| topic | first | second | both | kappa | final positives |\n|---|---:|---:|---:|---:|---:|\n");
        for (String topic : topics) {
            int both = 0;
            int firstOnly = 0;
            int secondOnly = 0;
            int neither = 0;
            int positives = 0;
            for (RealNewsSet.Text text : texts) {
                boolean a = text.first().contains(topic);
                boolean b = text.second().contains(topic);
                both += a && b ? 1 : 0;
                firstOnly += a && !b ? 1 : 0;
                secondOnly += !a && b ? 1 : 0;
                neither += !a && !b ? 1 : 0;
                positives += text.topics().contains(topic) ? 1 : 0;
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %d |%n", topic, both + firstOnly,
                    both + secondOnly, both, kappa(both, firstOnly, secondOnly, neither), positives));
        }
        return out.toString();
    }
}
