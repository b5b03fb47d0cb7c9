package io.regtrack.verdict;

/**
 * What the verdict code needs of one measurement: its identity, its central value (the value, or
 * the median of the samples) and the raw samples when there are several.
 */
public record Measured(String kind, String name, String unit, double center, double[] samples) {

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
