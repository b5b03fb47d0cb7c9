package io.regtrack.changepoint;

import java.util.List;

/**
 * A new level found at the newest point of a series window. Positions are indices into the
 * window; {@code culprit} is the first point of the new level, or -1 when it cannot be named (a
 * creep, made of several small steps, which are the {@code suspects}).
 */
public record Change(Method method, int culprit, List<Integer> suspects, double before, double after) {

    public enum Method {
        /** An exact series (a size) moved by more than its allowance from one point to the next. */
        STEP,
        /** Small steps of an exact series that together moved it past its allowance since the release. */
        CREEP,
        /** A noisy series (a runtime) settled on a new level, by a rank test on the windows around it. */
        SHIFT
    }

    public Change {
        suspects = List.copyOf(suspects);
    }

    public boolean isIncrease() {
        return after > before;
    }
}
