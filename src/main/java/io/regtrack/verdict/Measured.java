package io.regtrack.verdict;

import java.util.Map;

/**
 * What the verdict code needs of one measurement: its identity, its central value (the value, or
 * the median of the samples), the raw samples when there are several, and for a binary the sizes
 * of its parts (sections, crates) when known.
 */
public record Measured(
        String kind, String name, String unit, double center, double[] samples, Map<String, Long> parts) {

    public Measured {
        parts = parts == null ? Map.of() : parts;
    }

    public Measured(String kind, String name, String unit, double center, double[] samples) {
        this(kind, name, unit, center, samples, Map.of());
    }

    public static Measured value(String kind, String name, String unit, double value) {
        return new Measured(kind, name, unit, value, null);
    }

    public int sampleCount() {
        return samples == null ? 1 : samples.length;
    }

    public boolean hasSamples() {
        return samples != null && samples.length > 1;
    }

    public SeriesKey key() {
        return new SeriesKey(kind, name);
    }
}
