package io.regtrack.series;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Chooses which points of a long series to draw so that nothing a reader must see disappears:
 * the series is cut into equal buckets and each bucket keeps its first, lowest, highest and last
 * point. A step stays a step (its last old and first new values survive), a spike stays a spike,
 * and the first and last points are always kept. Pure: no framework.
 */
public final class Downsample {

    private Downsample() {}

    /** Indexes of the points to keep, in order; all of them when there are at most {@code maxPoints}. */
    public static List<Integer> keep(double[] values, int maxPoints) {
        int n = values.length;
        List<Integer> all = new ArrayList<>();
        if (n <= maxPoints || maxPoints < 4) {
            for (int i = 0; i < n && (maxPoints >= 4 || i < maxPoints); i++) {
                all.add(i);
            }
            return all;
        }
        int buckets = maxPoints / 4;
        TreeSet<Integer> kept = new TreeSet<>();
        for (int b = 0; b < buckets; b++) {
            int start = (int) ((long) b * n / buckets);
            int end = (int) ((long) (b + 1) * n / buckets);
            if (start >= end) {
                continue;
            }
            int min = start;
            int max = start;
            for (int i = start; i < end; i++) {
                if (values[i] < values[min]) {
                    min = i;
                }
                if (values[i] > values[max]) {
                    max = i;
                }
            }
            kept.add(start);
            kept.add(min);
            kept.add(max);
            kept.add(end - 1);
        }
        kept.add(0);
        kept.add(n - 1);
        // A change of value between buckets is kept on both sides: the last old and the first new point.
        return new ArrayList<>(kept);
    }
}
