package io.regtrack.verdict;

import java.util.Map;

/**
 * When a difference fails. Sizes: beyond {@code percent} of the baseline or {@code bytes},
 * whichever is larger. Runtimes: significant at {@code alpha} and at least {@code minEffectPercent}
 * of the baseline median. Each measurement name may override either.
 */
public record Thresholds(Size size, Runtime runtime, Map<String, Override> measurements) {

    public static final Thresholds DEFAULT = new Thresholds(Size.DEFAULT, Runtime.DEFAULT, Map.of());

    public record Size(double percent, long bytes) {
        public static final Size DEFAULT = new Size(1.0, 16 * 1024);

        /** The largest change, in bytes, that still passes for a baseline of this size. */
        public double allowance(double baseline) {
            return Math.max(Math.abs(baseline) * percent / 100, bytes);
        }

        /** The largest change of an exact count (instructions, events) that still passes: the percentage alone. */
        public double countAllowance(double baseline) {
            return Math.abs(baseline) * percent / 100;
        }
    }

    public record Runtime(double alpha, double minEffectPercent, String test) {
        public static final String MANN_WHITNEY = "mann-whitney";
        public static final String WELCH = "welch";
        public static final Runtime DEFAULT = new Runtime(0.01, 5.0, MANN_WHITNEY);
    }

    public record Override(Size size, Runtime runtime) {}

    public Thresholds {
        measurements = measurements == null ? Map.of() : Map.copyOf(measurements);
    }

    public Size sizeFor(String name) {
        Override o = measurements.get(name);
        return o != null && o.size() != null ? o.size() : size;
    }

    public Runtime runtimeFor(String name) {
        Override o = measurements.get(name);
        return o != null && o.runtime() != null ? o.runtime() : runtime;
    }
}
