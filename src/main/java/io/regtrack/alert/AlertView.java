package io.regtrack.alert;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "A regression on a tracked branch: what regressed, against which baseline, its culprit commit "
                + "(the first commit of the new level) and its triage state")
public record AlertView(
        long id,

        @Schema(enumeration = {"open", "acknowledged", "dismissed", "fixed"})
        String status,

        String branch,
        String kind,
        String name,
        String unit,
        String target,
        String profile,
        Baseline baseline,

        @Schema(description = "The newest run that showed the regression")
        long runId,

        double current,
        Double deltaPercent,

        @Schema(description = "The first commit of the new level, when it could be located")
        Culprit culprit,

        List<String> explanations,
        String note,
        Instant openedAt,
        Instant updatedAt) {

    public record Baseline(String tag, Long runId, double value) {}

    public record Culprit(long runId, String commit) {}

    static AlertView of(Alert a) {
        return new AlertView(
                a.id,
                a.status,
                a.branch,
                a.kind,
                a.name,
                a.unit,
                a.target,
                a.profileName,
                new Baseline(a.baselineTag, a.baselineRunId, a.baselineValue),
                a.runId,
                a.currentValue,
                a.deltaPercent,
                a.culpritRunId == null ? null : new Culprit(a.culpritRunId, a.culpritCommit),
                a.explanations,
                a.note,
                a.openedAt,
                a.updatedAt);
    }
}
