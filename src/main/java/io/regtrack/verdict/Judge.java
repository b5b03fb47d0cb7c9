package io.regtrack.verdict;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Decides one measurement's status against its baseline. Sizes are exact: any byte counts, the
 * threshold decides whether it fails. Runtimes are noisy: a difference is only called when the
 * samples (or the series' own history) support it; otherwise the answer is {@code noisy}.
 * Larger is worse for every kind. See docs/detection.md.
 */
public final class Judge {

    /** Fewer samples than this on either side cannot reach significance at α = 0.01. */
    public static final int MIN_SAMPLES = 5;
    /** Fewer history points than this give no trustworthy noise estimate. */
    public static final int MIN_HISTORY = 8;
    /** Tukey's fence multiplier for the history's consecutive changes. */
    public static final double FENCE_IQR = 1.5;

    private Judge() {}

    /**
     * @param history the series' recent central values before this run, oldest first (used when
     *                either side has a single value)
     */
    public static Verdict judge(
            Measured baseline,
            Measured current,
            Thresholds thresholds,
            List<Double> history,
            List<String> explanations) {
        double delta = current.center() - baseline.center();
        Double percent = baseline.center() == 0 ? null : delta / Math.abs(baseline.center()) * 100;
        if ("size".equals(current.kind())) {
            double allowance = thresholds.sizeFor(current.name()).allowance(baseline.center());
            String status = delta > allowance ? "regressed" : -delta > allowance ? "improved" : "unchanged";
            return verdict(baseline, current, delta, percent, status, "size-threshold", null, explanations, null);
        }
        Thresholds.Runtime rule = thresholds.runtimeFor(current.name());
        if (baseline.hasSamples() && current.hasSamples()) {
            return bySamples(baseline, current, delta, percent, rule, explanations);
        }
        return byHistory(baseline, current, delta, percent, rule, history, explanations);
    }

    private static Verdict bySamples(
            Measured baseline,
            Measured current,
            double delta,
            Double percent,
            Thresholds.Runtime rule,
            List<String> explanations) {
        String test = rule.test();
        if (baseline.sampleCount() < MIN_SAMPLES || current.sampleCount() < MIN_SAMPLES) {
            String status = delta == 0 ? "unchanged" : "noisy";
            String reason = status.equals("noisy")
                    ? String.format(
                            "too few samples: %d in the baseline and %d here; %d are needed on each side",
                            baseline.sampleCount(), current.sampleCount(), MIN_SAMPLES)
                    : null;
            return verdict(baseline, current, delta, percent, status, test, null, explanations, reason);
        }
        if (allEqual(baseline.samples(), current.samples())) {
            return verdict(baseline, current, delta, percent, "unchanged", test, 1.0, explanations, null);
        }
        double p = Thresholds.Runtime.WELCH.equals(test)
                ? new TTest().tTest(baseline.samples(), current.samples())
                : MannWhitneyUTest.withDefaults()
                        .test(baseline.samples(), current.samples())
                        .getPValue();
        if (Double.isNaN(p)) {
            return verdict(
                    baseline, current, delta, percent, "noisy", test, null, explanations, "the test gives no answer");
        }
        boolean big = percent == null ? delta != 0 : Math.abs(percent) >= rule.minEffectPercent();
        String status;
        if (p < rule.alpha()) {
            status = !big ? "unchanged" : delta > 0 ? "regressed" : "improved";
        } else {
            status = big ? "noisy" : "unchanged";
        }
        String reason = status.equals("noisy")
                ? String.format(
                        java.util.Locale.ROOT,
                        "the samples do not support the move (p = %.2g, needs < %s)",
                        p,
                        rule.alpha())
                : null;
        return verdict(baseline, current, delta, percent, status, test, p, explanations, reason);
    }

    private static Verdict byHistory(
            Measured baseline,
            Measured current,
            double delta,
            Double percent,
            Thresholds.Runtime rule,
            List<Double> history,
            List<String> explanations) {
        String test = "iqr-fence";
        if (delta == 0) {
            return verdict(baseline, current, delta, percent, "unchanged", test, null, explanations, null);
        }
        double fence = noiseFence(history);
        if (Double.isNaN(fence) || percent == null) {
            String reason = percent == null
                    ? "the baseline is 0, so no relative change can be judged"
                    : String.format(
                            "single values with too little history to know the noise: %d earlier runs, %d needed",
                            history.size(), MIN_HISTORY);
            return verdict(baseline, current, delta, percent, "noisy", test, null, explanations, reason);
        }
        double limit = Math.max(fence, rule.minEffectPercent());
        String status = Math.abs(percent) <= limit ? "unchanged" : delta > 0 ? "regressed" : "improved";
        return verdict(baseline, current, delta, percent, status, test, null, explanations, null);
    }

    /**
     * The upper Tukey fence (Q3 + 1.5 IQR) of the absolute consecutive changes of the history, in
     * percent; NaN when the history is too short or has a zero to divide by.
     */
    public static double noiseFence(List<Double> history) {
        if (history == null || history.size() < MIN_HISTORY) {
            return Double.NaN;
        }
        double[] changes = new double[history.size() - 1];
        for (int i = 1; i < history.size(); i++) {
            double previous = history.get(i - 1);
            if (previous == 0) {
                return Double.NaN;
            }
            changes[i - 1] = Math.abs(history.get(i) - previous) / Math.abs(previous) * 100;
        }
        Percentile quantiles = new Percentile();
        quantiles.setData(changes);
        double q1 = quantiles.evaluate(25);
        double q3 = quantiles.evaluate(75);
        return q3 + FENCE_IQR * (q3 - q1);
    }

    private static boolean allEqual(double[] a, double[] b) {
        double first = a[0];
        return Arrays.stream(a).allMatch(v -> v == first) && Arrays.stream(b).allMatch(v -> v == first);
    }

    private static Verdict verdict(
            Measured baseline,
            Measured current,
            double delta,
            Double percent,
            String status,
            String test,
            Double p,
            List<String> explanations,
            String reason) {
        Double rounded = percent == null ? null : Math.round(percent * 100) / 100.0;
        return new Verdict(
                current.kind(),
                current.name(),
                current.unit(),
                baseline.center(),
                current.center(),
                delta,
                rounded,
                status,
                test,
                p,
                explanations,
                reason);
    }
}
