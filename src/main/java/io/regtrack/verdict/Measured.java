package io.regtrack.verdict;

/** What the verdict code needs of one stored measurement: its identity and its central value. */
public record Measured(String kind, String name, String unit, double center, int sampleCount) {
}
