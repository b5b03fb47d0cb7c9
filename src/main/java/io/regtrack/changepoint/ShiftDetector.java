package io.regtrack.changepoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Finds level shifts in a noisy series (runtimes), causally: at each point only the points up to
 * it are used, so a shift is reported at the first point where the data support it. At point i
 * the newest {@code minAfter} points are compared with up to {@code window} points before them,
 * within the current level only, by a Mann–Whitney U test; a shift needs p below {@code alpha}
 * and the median to move by at least {@code minEffect}. One-point outliers cannot pass: the
 * newest points must differ together. See docs/detection.md.
 */
public final class ShiftDetector {

    /** Tuning: significance, points after and before a candidate shift, and the smallest change. */
    public record Params(double alpha, int minAfter, int window, int minBefore, double minEffect) {
        public static final Params DEFAULT = new Params(0.002, 4, 30, 8, 0.05);
    }

    private final Params params;

    public ShiftDetector(Params params) {
        this.params = params;
    }

    public ShiftDetector() {
        this(Params.DEFAULT);
    }

    /** How many newest points must move together: a shift is found this many points after it began, at the soonest. */
    public int minAfter() {
        return params.minAfter();
    }

    /** Every shift in the series, in order, as a causal detector would have reported them. */
    public List<Shift> detect(double[] series) {
        List<Shift> shifts = new ArrayList<>();
        int levelStart = 0;
        for (int i = 0; i < series.length; i++) {
            Optional<Shift> shift = testAt(series, levelStart, i);
            if (shift.isPresent()) {
                shifts.add(shift.get());
                levelStart = shift.get().start();
            }
        }
        return shifts;
    }

    /**
     * Whether the points up to {@code i} show a shift of the level that starts at {@code levelStart},
     * detected at {@code i}: the newest {@code minAfter} points against up to {@code window} points
     * of the level before them.
     */
    public Optional<Shift> testAt(double[] series, int levelStart, int i) {
        int k = i - params.minAfter() + 1;
        if (k - levelStart < params.minBefore()) {
            return Optional.empty();
        }
        double[] before = Arrays.copyOfRange(series, Math.max(levelStart, k - params.window()), k);
        double[] after = Arrays.copyOfRange(series, k, i + 1);
        Median median = new Median();
        double was = median.evaluate(before);
        double now = median.evaluate(after);
        if (was == 0 || Math.abs(now - was) / Math.abs(was) < params.minEffect()) {
            return Optional.empty();
        }
        double p = MannWhitneyUTest.withDefaults().test(before, after).getPValue();
        if (p >= params.alpha()) {
            return Optional.empty();
        }
        return Optional.of(new Shift(i, earliestStart(series, k, levelStart, was, now), was, now, p));
    }

    /**
     * Where the new level starts: of the splits from {@code minAfter - 1} points before the tested
     * one to the newest point, the one whose two sides sit closest to their own medians (least
     * absolute deviation), so that a noisy point next to the change does not move the culprit.
     */
    private int earliestStart(double[] series, int k, int levelStart, double was, double now) {
        int from = Math.max(levelStart, k - params.window());
        int i = k + params.minAfter() - 1;
        Median median = new Median();
        int best = k;
        double bestCost = Double.MAX_VALUE;
        for (int start = Math.max(levelStart + 1, k - params.minAfter() + 1); start <= i; start++) {
            double left = median.evaluate(Arrays.copyOfRange(series, from, start));
            double right = median.evaluate(Arrays.copyOfRange(series, start, i + 1));
            if (now > was ? right <= left : right >= left) {
                continue; // not a split in the direction of the shift
            }
            double cost = 0;
            for (int j = from; j <= i; j++) {
                cost += Math.abs(series[j] - (j < start ? left : right));
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = start;
            }
        }
        return best;
    }
}
