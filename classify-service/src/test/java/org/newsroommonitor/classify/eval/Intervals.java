package org.newsroommonitor.classify.eval;

import java.util.SplittableRandom;

/** 95% confidence intervals for the figures of an evaluation table. */
public final class Intervals {

    private static final double Z = 1.959964;

    private Intervals() {
    }

    /** An interval {@code [low, high]}. */
    public record Interval(double low, double high) {

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.2f-%.2f", low, high);
        }
    }

    /** Wilson score interval of a proportion {@code successes / trials} (a precision, a recall, a rate). */
    public static Interval wilson(int successes, int trials) {
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double p = (double) successes / trials;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = Z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * Percentile bootstrap interval of F1 over texts: {@code labels[i]} and {@code predicted[i]} say whether text
     * {@code i} has the topic and whether it was given it; 2,000 resamples with a fixed seed, so a rerun prints the
     * same interval.
     */
    public static Interval bootstrapF1(boolean[] labels, boolean[] predicted) {
        int n = labels.length;
        if (n == 0) {
            return new Interval(0, 1);
        }
        SplittableRandom random = new SplittableRandom(20261202L);
        int resamples = 2000;
        double[] f1 = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int k = 0; k < n; k++) {
                int i = random.nextInt(n);
                if (labels[i] && predicted[i]) {
                    tp++;
                } else if (predicted[i]) {
                    fp++;
                } else if (labels[i]) {
                    fn++;
                }
            }
            f1[r] = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        java.util.Arrays.sort(f1);
        return new Interval(f1[(int) (resamples * 0.025)], f1[(int) (resamples * 0.975) - 1]);
    }
}
