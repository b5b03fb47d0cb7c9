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
        return Verdict.judged(baseline, current, call(baseline, current, thresholds, history), explanations);
    }

    private static Verdict.Call call(Measured baseline, Measured current, Thresholds thresholds, List<Double> history) {
        double delta = current.center() - baseline.center();
        Double percent = baseline.center() == 0 ? null : delta / Math.abs(baseline.center()) * 100;
        if (Kinds.exact(current.kind(), current.unit())) {
            boolean size = Kinds.SIZE.equals(current.kind());
            Thresholds.Size rule = thresholds.sizeFor(current.name());
            double allowance = size ? rule.allowance(baseline.center()) : rule.countAllowance(baseline.center());
            return Verdict.Call.of(
                    byDirection(current.kind(), delta, Math.abs(delta) > allowance),
                    size ? "size-threshold" : "count-threshold");
        }
        Thresholds.Runtime rule = thresholds.runtimeFor(current.name());
        if (baseline.hasSamples() && current.hasSamples()) {
            return bySamples(baseline, current, delta, percent, rule);
        }
        return byHistory(current.kind(), delta, percent, rule, history);
    }

    /**
     * {@code regressed} or {@code improved} by the direction of the delta (larger is worse, but for
     * kinds where larger is better) when it counts, else {@code unchanged}.
     */
    private static VerdictStatus byDirection(String kind, double delta, boolean counts) {
        if (!counts || delta == 0) {
            return VerdictStatus.UNCHANGED;
        }
        return Kinds.worse(kind, 0, delta) ? VerdictStatus.REGRESSED : VerdictStatus.IMPROVED;
    }

    private static Verdict.Call bySamples(
            Measured baseline, Measured current, double delta, Double percent, Thresholds.Runtime rule) {
        String test = rule.test();
        if (baseline.sampleCount() < MIN_SAMPLES || current.sampleCount() < MIN_SAMPLES) {
            return delta == 0
                    ? Verdict.Call.of(VerdictStatus.UNCHANGED, test)
                    : Verdict.Call.noisy(
                            test,
                            null,
                            String.format(
                                    "too few samples: %d in the baseline and %d here; %d are needed on each side",
                                    baseline.sampleCount(), current.sampleCount(), MIN_SAMPLES));
        }
        if (allEqual(baseline.samples(), current.samples())) {
            return Verdict.Call.tested(VerdictStatus.UNCHANGED, test, 1.0);
        }
        double p = Thresholds.Runtime.WELCH.equals(test)
                ? new TTest().tTest(baseline.samples(), current.samples())
                : MannWhitneyUTest.withDefaults()
                        .test(baseline.samples(), current.samples())
                        .getPValue();
        if (Double.isNaN(p)) {
            return Verdict.Call.noisy(test, null, "the test gives no answer");
        }
        boolean big = percent == null ? delta != 0 : Math.abs(percent) >= rule.minEffectPercent();
        if (p >= rule.alpha() && big) {
            return Verdict.Call.noisy(
                    test,
                    p,
                    String.format(
                            java.util.Locale.ROOT,
                            "the samples do not support the move (p = %.2g, needs < %s)",
                            p,
                            rule.alpha()));
        }
        return Verdict.Call.tested(byDirection(current.kind(), delta, p < rule.alpha() && big), test, p);
    }

    private static Verdict.Call byHistory(
            String kind, double delta, Double percent, Thresholds.Runtime rule, List<Double> history) {
        String test = "iqr-fence";
        if (delta == 0) {
            return Verdict.Call.of(VerdictStatus.UNCHANGED, test);
        }
        double fence = noiseFence(history);
        if (percent == null) {
            return Verdict.Call.noisy(test, null, "the baseline is 0, so no relative change can be judged");
        }
        if (Double.isNaN(fence)) {
            return Verdict.Call.noisy(
                    test,
                    null,
                    String.format(
                            "single values with too little history to know the noise: %d earlier runs, %d needed",
                            history.size(), MIN_HISTORY));
        }
        double limit = Math.max(fence, rule.minEffectPercent());
        return Verdict.Call.of(byDirection(kind, delta, Math.abs(percent) > limit), test);
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
}
