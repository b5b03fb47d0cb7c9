package io.regtrack.changepoint;

/**
 * A change of level in a series: first seen when the point at {@code detectedAt} arrived, starting
 * at {@code start} (the culprit: the first point of the new level).
 */
public record Shift(int detectedAt, int start, double before, double after, double pValue) {

    /** The relative change of the median, e.g. 0.12 for 12 % slower. */
    public double relativeChange() {
        return before == 0 ? Double.NaN : (after - before) / Math.abs(before);
    }
}
