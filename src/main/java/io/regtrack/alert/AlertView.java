package io.regtrack.alert;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "A change found in a series of a tracked branch: its culprit commit (the first commit of the new "
                + "level) or, while it cannot be named, the suspect commits; the levels before and after; its direction "
                + "and its triage state")
public record AlertView(
        long id,

        @Schema(enumeration = {"open", "acknowledged", "dismissed", "fixed"})
        String status,

        @Schema(enumeration = {"regression", "improvement"}) String direction,

        @Schema(
                description = "step: an exact series (a size) moved past its allowance; creep: small steps added up "
                        + "past it since the release; shift: a noisy series settled on a new level",
                enumeration = {"step", "creep", "shift", "threshold"})
        String method,

        String branch,
        String kind,
        String name,
        String unit,
        String target,
        String profile,

        @Schema(description = "The first commit of the new level; null while it cannot be named")
        Commit culprit,

        @Schema(description = "The commits the change may lie in, oldest first")
        List<String> suspects,

        @Schema(description = "The run whose upload found the change")
        Commit detectedAt,

        double before,
        double after,
        double delta,
        Double deltaPercent,

        @Schema(description = "The release the change came after")
        ReleaseRef release,

        List<String> explanations,
        String note,
        Instant openedAt,
        Instant updatedAt) {

    public record Commit(String commit, long runId) {}

    public record ReleaseRef(String tag, Long runId) {}

    static AlertView of(Alert a) {
        return new AlertView(
                a.id,
                a.status,
                a.direction,
                a.method,
                a.branch,
                a.kind,
                a.name,
                a.unit,
                a.target,
                a.profileName,
                a.culpritRunId == null ? null : new Commit(a.culpritCommit, a.culpritRunId),
                a.suspects,
                new Commit(a.detectedCommit, a.detectedRunId),
                a.before,
                a.after,
                a.delta,
                a.deltaPercent,
                a.releaseTag == null ? null : new ReleaseRef(a.releaseTag, a.releaseRunId),
                a.explanations,
                a.note,
                a.openedAt,
                a.updatedAt);
    }
}
