package io.regtrack.alert;

import java.util.Locale;

/** Whether a change made a series worse (a regression) or better; see {@code verdict.Kinds} for which way is worse. */
public enum Direction {
    REGRESSION,
    IMPROVEMENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Direction of(boolean worse) {
        return worse ? REGRESSION : IMPROVEMENT;
    }

    static boolean isRegression(String wire) {
        return REGRESSION.wire().equals(wire);
    }
}
