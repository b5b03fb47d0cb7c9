package io.regtrack.changepoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * A recorded change decided again once one point of its series is removed (a run deleted), on the
 * remaining points only, with the rules that found it: a step is looked for where the removed
 * point was, a creep is detected where the removed point detected it, and a shift is searched for
 * again from its culprit to a little past where it was detected. The answer is the change the
 * remaining history shows in its place, or nothing when the change went with the point.
 */
public final class Rederive {

    private Rederive() {}

    /**
     * A change as it was recorded, its positions indices into the series as it was (with the
     * removed point): the culprit (-1 for none), where it was detected, and its suspects.
     */
    public record Recorded(
            Change.Method method, int culprit, int detected, List<Integer> suspects, boolean increase, double before) {

        public Recorded {
            suspects = List.copyOf(suspects);
        }
    }

    /** The change the remaining series shows, its positions indices into the remaining series. */
    public record Rederived(Change change, int detected) {}

    /** Whether removing the point at {@code removed} can change this recorded change at all. */
    public static boolean touches(Recorded recorded, int removed) {
        return switch (recorded.method()) {
            case STEP -> recorded.culprit() == removed || recorded.culprit() == removed + 1;
            case CREEP, SHIFT ->
                recorded.culprit() == removed
                        || recorded.detected() == removed
                        || recorded.suspects().contains(removed)
                        || recorded.suspects().contains(removed + 1);
        };
    }

    /**
     * The change in the series without the point at {@code removed}.
     *
     * @param series     the series as it was, oldest first, with the removed point
     * @param allowance  how far an exact series may move without a step (steps and creeps)
     * @param detector   the shift detector of the series (shifts)
     * @param levelStart where the level the shift left starts, an index into the series as it was
     */
    public static Optional<Rederived> without(
            double[] series,
            int removed,
            Recorded recorded,
            DoubleUnaryOperator allowance,
            ShiftDetector detector,
            int levelStart) {
        if (removed < 0 || removed >= series.length) {
            throw new IllegalArgumentException("the removed point is not in the series");
        }
        double[] rest = new double[series.length - 1];
        System.arraycopy(series, 0, rest, 0, removed);
        System.arraycopy(series, removed + 1, rest, removed, series.length - removed - 1);
        Optional<Rederived> found = switch (recorded.method()) {
            case STEP -> step(rest, removed, allowance);
            case CREEP -> creep(rest, removed, recorded, allowance);
            case SHIFT -> shift(rest, removed, recorded, detector, levelStart);
        };
        return found.filter(r -> r.change().isIncrease() == recorded.increase());
    }

    /** The step now between the point before the removed one and the one after it. */
    private static Optional<Rederived> step(double[] rest, int at, DoubleUnaryOperator allowance) {
        if (at >= rest.length) {
            return Optional.empty(); // the removed point was the newest
        }
        return ChangeFinder.step(Arrays.copyOf(rest, at + 1), allowance).map(c -> new Rederived(c, at));
    }

    /** The creep still past its allowance where it was detected (the next point, if it was the removed one). */
    private static Optional<Rederived> creep(
            double[] rest, int removed, Recorded recorded, DoubleUnaryOperator allowance) {
        int detected = recorded.detected() == removed ? removed : shifted(recorded.detected(), removed);
        if (detected >= rest.length || detected < 1) {
            return Optional.empty();
        }
        double base = recorded.before();
        double now = rest[detected];
        if (ChangeFinder.creep(Arrays.copyOf(rest, detected + 1), 0, base, allowance)
                .isEmpty()) {
            return Optional.empty(); // within its allowance now, or past it already before (by a step or earlier)
        }
        TreeSet<Integer> suspects = new TreeSet<>();
        recorded.suspects().stream()
                .filter(i -> i != removed && i != removed + 1)
                .map(i -> shifted(i, removed))
                .forEach(suspects::add);
        boolean up = now > base;
        if (removed < rest.length
                && removed >= 1
                && (up ? rest[removed] > rest[removed - 1] : rest[removed] < rest[removed - 1])) {
            suspects.add(removed); // the point after the removed one, now compared with the one before it
        }
        suspects.removeIf(i -> i > detected);
        if (suspects.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Rederived(new Change(Change.Method.CREEP, -1, new ArrayList<>(suspects), base, now), detected));
    }

    /** The first shift in the remaining points from the old culprit on, up to a little past its old detection. */
    private static Optional<Rederived> shift(
            double[] rest, int removed, Recorded recorded, ShiftDetector detector, int levelStart) {
        int start = Math.max(0, shifted(levelStart, removed));
        int from = Math.max(start + 1, Math.min(shifted(recorded.culprit(), removed), rest.length - 1));
        int to = Math.min(rest.length - 1, shifted(recorded.detected(), removed) + detector.minAfter());
        for (int i = from; i <= to; i++) {
            Optional<Change> found = ChangeFinder.shift(Arrays.copyOf(rest, i + 1), start, detector);
            if (found.isPresent()) {
                return Optional.of(new Rederived(found.get(), i));
            }
        }
        return Optional.empty();
    }

    /** An index of the series as it was, in the remaining series: past the removed point, one less. */
    private static int shifted(int index, int removed) {
        return index > removed ? index - 1 : index;
    }
}
