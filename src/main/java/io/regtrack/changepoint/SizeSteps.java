package io.regtrack.changepoint;

import java.util.ArrayList;
import java.util.List;

/** Sizes are exact, so their change points are exact too: every index whose value differs from the one before. */
public final class SizeSteps {

    private SizeSteps() {}

    public static List<Integer> steps(double[] sizes) {
        List<Integer> steps = new ArrayList<>();
        for (int i = 1; i < sizes.length; i++) {
            if (sizes[i] != sizes[i - 1]) {
                steps.add(i);
            }
        }
        return steps;
    }

    /**
     * The culprit of a size regression: the first point from which every later point is beyond
     * {@code baseline + allowance}, or -1 when the newest point is not beyond it.
     */
    public static int culprit(double[] sizes, double baseline, double allowance) {
        int culprit = -1;
        for (int i = sizes.length - 1; i >= 0 && sizes[i] - baseline > allowance; i--) {
            culprit = i;
        }
        return culprit;
    }
}
