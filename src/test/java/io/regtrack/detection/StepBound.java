package io.regtrack.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The most a rank test can find in a set of real histories at a given false-alarm rate, when it is
 * told the commit of each step and so tests only there (a causal detector must also find where the
 * step is; it cannot do better). The test compares the {@code after} points from the step on with
 * up to {@code before} points before it, as the shift detector does, and needs the median to move
 * by at least {@code minEffect}. Its p-value threshold is the one at which the same test, run at
 * every commit of the unchanged histories, raises the given number of alarm episodes per 1,000
 * commits (significant commits within {@code after} of each other count once, as one alert would).
 */
final class StepBound {

    /** Recall of injected steps, overall and by run-to-run noise band, at a calibrated threshold. */
    record Result(double threshold, double alarmsPer1000, double recall, double[] recallByNoise) {}

    private final int before;
    private final int after;
    private final double minEffect;
    private final int warmUp;

    StepBound(int before, int after, double minEffect, int warmUp) {
        this.before = before;
        this.after = after;
        this.minEffect = minEffect;
        this.warmUp = warmUp;
    }

    /** The p-value of a step at {@code at}, or 1 when the medians move by less than the minimum effect. */
    double p(double[] series, int at) {
        double[] b = Arrays.copyOfRange(series, Math.max(0, at - before), at);
        double[] a = Arrays.copyOfRange(series, at, at + after);
        double was = Scores.median(b, 0, b.length);
        double now = Scores.median(a, 0, a.length);
        if (was == 0 || Math.abs(now - was) / Math.abs(was) < minEffect) {
            return 1;
        }
        return MannWhitneyUTest.withDefaults().test(b, a).getPValue();
    }

    /**
     * The bound for a relative step of {@code step}, placed in turn at every commit from
     * {@code warmUp + 10} on of every history, at {@code alarmsPer1000} false alarms on the
     * unchanged histories.
     */
    Result recall(Collection<double[]> histories, double alarmsPer1000, double step) {
        List<double[]> pValues = new ArrayList<>();
        int commits = 0;
        for (double[] series : histories) {
            double[] p = new double[series.length];
            Arrays.fill(p, 1);
            for (int t = warmUp; t + after <= series.length; t++) {
                p[t] = p(series, t);
            }
            pValues.add(p);
            commits += Math.max(0, series.length - warmUp);
        }
        double low = 1e-12;
        double high = 1;
        for (int i = 0; i < 60; i++) {
            double mid = Math.sqrt(low * high);
            if (episodes(pValues, mid) * 1000.0 / commits > alarmsPer1000) {
                high = mid;
            } else {
                low = mid;
            }
        }
        double threshold = low;
        int[] found = new int[3];
        int[] tried = new int[3];
        for (double[] series : histories) {
            int band = DetectionEvaluation.noiseClass(series);
            for (int at = warmUp + 10; at + after <= series.length; at++) {
                double[] stepped = series.clone();
                for (int i = at; i < stepped.length; i++) {
                    stepped[i] *= 1 + step;
                }
                tried[band]++;
                if (p(stepped, at) <= threshold) {
                    found[band]++;
                }
            }
        }
        double[] byNoise = new double[3];
        for (int band = 0; band < 3; band++) {
            byNoise[band] = tried[band] == 0 ? Double.NaN : found[band] / (double) tried[band];
        }
        int allFound = found[0] + found[1] + found[2];
        int allTried = tried[0] + tried[1] + tried[2];
        return new Result(
                threshold,
                episodes(pValues, threshold) * 1000.0 / commits,
                allTried == 0 ? Double.NaN : allFound / (double) allTried,
                byNoise);
    }

    private int episodes(List<double[]> pValues, double threshold) {
        int episodes = 0;
        for (double[] p : pValues) {
            int last = Integer.MIN_VALUE / 2;
            for (int t = 0; t < p.length; t++) {
                if (p[t] <= threshold) {
                    if (t - last > after) {
                        episodes++;
                    }
                    last = t;
                }
            }
        }
        return episodes;
    }
}
