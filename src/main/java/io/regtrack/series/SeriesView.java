package io.regtrack.series;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "One series, ready for a chart: points (downsampled on the server, keeping steps and extremes), "
                + "release markers, regression markers and annotations where the profile or toolchain changed")
public record SeriesView(
        String kind,
        String name,
        String unit,
        String branch,
        String profile,
        String target,

        @Schema(description = "Points in the series before downsampling")
        int total,

        List<Point> points,
        List<Release> releases,
        List<Regression> regressions,
        List<Annotation> annotations) {

    public record Point(long runId, String commit, Instant committedAt, double value, String message, String profile) {}

    public record Release(String tag, String commit, Instant committedAt) {}

    @Schema(description = "A change found in the series (an alert): a regression or an improvement")
    public record Regression(
            long alertId, String status, String commit, Long runId, Instant committedAt, String direction) {}

    public record Annotation(long runId, String commit, Instant committedAt, List<String> changes) {}

    @Schema(description = "A series that can be charted: a kind and name with its profile and target")
    public record Entry(String kind, String name, String unit, String profile, String target, long points) {}
}
