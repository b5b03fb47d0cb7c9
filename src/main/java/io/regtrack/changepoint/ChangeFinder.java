package io.regtrack.changepoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * Finds whether the newest point of a series window starts a new level, causally: only the
 * window (the series up to and including its newest point) is read. Exact series (sizes) change
 * by steps and creeps; noisy series (runtimes) by shifts. Each call looks at the newest point only,
 * so an upload costs O(window) per series whatever the length of the history.
 */
public final class ChangeFinder {

    private ChangeFinder() {}

    /**
     * The newest point moved from the one before by more than the allowance of the one before
     * ({@code allowance} of 0: any move).
     */
    public static Optional<Change> step(double[] values, DoubleUnaryOperator allowance) {
        int n = values.length;
        if (n < 2) {
            return Optional.empty();
        }
        double before = values[n - 2];
        double after = values[n - 1];
        if (after == before || Math.abs(after - before) <= allowance.applyAsDouble(before)) {
            return Optional.empty();
        }
        return Optional.of(new Change(Change.Method.STEP, n - 1, List.of(n - 1), before, after));
    }

    /**
     * Steps each within the allowance that together move the series past the allowance of the
     * release's value {@code base}, first at the newest point. The suspects are the steps in the
     * direction of the creep from {@code firstAfterRelease} (the window's first point made after
     * the release; 0 when the release is older than the window) on.
     */
    public static Optional<Change> creep(
            double[] values, int firstAfterRelease, double base, DoubleUnaryOperator allowance) {
        int n = values.length;
        if (n < 2 || step(values, allowance).isPresent()) {
            return Optional.empty();
        }
        double limit = allowance.applyAsDouble(base);
        double now = values[n - 1];
        double previous = values[n - 2];
        if (Math.abs(now - base) <= limit || (Math.abs(previous - base) > limit && (previous > base) == (now > base))) {
            return Optional.empty();
        }
        boolean up = now > base;
        List<Integer> suspects = new ArrayList<>();
        for (int i = Math.max(1, firstAfterRelease); i < n; i++) {
            if (up ? values[i] > values[i - 1] : values[i] < values[i - 1]) {
                suspects.add(i);
            }
        }
        return Optional.of(new Change(Change.Method.CREEP, -1, suspects, base, now));
    }

    /**
     * A shift of the level that starts at {@code levelStart}, detected at the newest point. The
     * culprit is the shift's first point; the suspects run from it to the newest point, since a
     * shift in noise is only placed to within the points that confirmed it.
     */
    public static Optional<Change> shift(double[] values, int levelStart, ShiftDetector detector) {
        int newest = values.length - 1;
        return detector.testAt(values, Math.max(0, levelStart), newest)
                .map(s -> new Change(
                        Change.Method.SHIFT,
                        s.start(),
                        IntStream.rangeClosed(s.start(), newest).boxed().toList(),
                        s.before(),
                        s.after()));
    }
}
