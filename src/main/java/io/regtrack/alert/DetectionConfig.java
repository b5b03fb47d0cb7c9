package io.regtrack.alert;

import io.regtrack.changepoint.ShiftDetector;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How changes are found in a series ({@code regtrack.detection.*}). The defaults are the ones
 * measured in docs/detection.md; the minimum effect is a threshold, set per project and benchmark.
 */
@ConfigMapping(prefix = "regtrack.detection")
public interface DetectionConfig {

    /** Points of a series read per upload: must cover {@code after + before}. */
    @WithDefault("40")
    int window();

    /** Significance a shift needs (Mann–Whitney U, two-sided). */
    @WithDefault("0.002")
    double alpha();

    /** Newest points that must move together: the smallest shift is found this many runs after it began. */
    @WithDefault("4")
    int after();

    /** Most points of the current level compared with them. */
    @WithDefault("30")
    int before();

    /** Fewest points of the current level before a shift can be tested. */
    @WithDefault("8")
    int minBefore();

    default ShiftDetector detector(double minEffect) {
        return new ShiftDetector(new ShiftDetector.Params(alpha(), after(), before(), minBefore(), minEffect));
    }
}
