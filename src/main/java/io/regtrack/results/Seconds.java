package io.regtrack.results;

import java.util.Map;
import java.util.OptionalDouble;

/** Time units the tools write, and their conversion to seconds (a division, so exact decimals stay exact). */
final class Seconds {

    private static final Map<String, Double> PER_SECOND = Map.of(
            "ns", 1e9,
            "us", 1e6,
            "µs", 1e6, // micro sign
            "μs", 1e6, // Greek mu
            "ms", 1e3,
            "s", 1.0);

    private Seconds() {}

    /** How many of {@code unit} make a second, if it is a time unit ({@code ns}, {@code us}, {@code µs}, ...). */
    static OptionalDouble perSecond(String unit) {
        Double per = PER_SECOND.get(unit);
        return per == null ? OptionalDouble.empty() : OptionalDouble.of(per);
    }

    static double fromNanos(double nanos) {
        return nanos / 1e9;
    }
}
