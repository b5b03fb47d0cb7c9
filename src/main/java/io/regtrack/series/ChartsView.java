package io.regtrack.series;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "The charts of a page in one answer: each run drawn is listed once (commit, time, subject, "
                        + "profile) and each chart refers to runs by their place in that list, so nothing is repeated per chart")
public record ChartsView(
        String branch,

        @Schema(description = "How many series the branch has in all (the charts are `offset` to `offset + limit`)")
        int series,

        int offset,

        @Schema(description = "Every run drawn on any of the charts, oldest first")
        List<RunFacts> runs,

        @Schema(description = "Releases between the first and the last run drawn")
        List<SeriesView.Release> releases,

        @Schema(description = "Where a build's effective profile or toolchain changed, listed once for the page")
        List<BuildChange> buildChanges,

        List<Chart> charts) {

    @Schema(description = "A run as a chart shows it: the first line of its commit message only")
    public record RunFacts(long id, String commit, Instant committedAt, String subject, String profile) {}

    @Schema(description = "A change of a build's effective profile or toolchain between two runs")
    public record BuildChange(
            long runId, String commit, Instant committedAt, String profile, String target, List<String> changes) {}

    @Schema(
            description = "One series: its points as two lists of the same length, the run (a place in `runs`) and "
                    + "the value; `total` counts the points before downsampling")
    public record Chart(
            String kind,
            String name,
            String unit,
            String profile,
            String target,
            int total,
            List<Integer> run,
            List<Double> value,

            @Schema(description = "Places in `buildChanges` that this series crosses")
            List<Integer> buildChanges,

            List<SeriesView.Regression> regressions,

            @Schema(description = "A size's parts at its newest point (sections, `crate:` names), for its composition")
            List<String> parts) {}
}
