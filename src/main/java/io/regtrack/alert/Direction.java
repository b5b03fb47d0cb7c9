package io.regtrack.alert;

import java.util.Locale;

/** Which way a change moved a series: up is a regression for every kind tracked today. */
public enum Direction {
    REGRESSION,
    IMPROVEMENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Direction of(boolean increase) {
        return increase ? REGRESSION : IMPROVEMENT;
    }

    static boolean isRegression(String wire) {
        return REGRESSION.wire().equals(wire);
    }
}
