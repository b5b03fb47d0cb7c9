package io.regtrack.alert;

import io.regtrack.verdict.Units;
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
        Instant updatedAt,

        @Schema(description = "The levels and the change as the pages show them, exact for sizes and counts")
        Shown shown,

        @Schema(description = "Who last triaged the alert, and when; null when no one has")
        Triaged triaged) {

    /** The last triage decision: the token (or GitHub Actions job) that made it, when, and to which state. */
    public record Triaged(String by, Instant at, String status) {}

    public record Commit(String commit, long runId) {}

    /** Before, after and the change in human units: {@code 3.7 KiB (3,812 B) → 3.7 KiB (3,840 B)}, {@code +28 B}. */
    public record Shown(String before, String after, String delta, String deltaPercent) {

        static Shown of(Alert a) {
            String unit = a.unit == null ? "" : a.unit;
            return new Shown(
                    Units.format(a.before, unit),
                    Units.format(a.after, unit),
                    Units.signed(a.delta, unit),
                    Units.percent(a.deltaPercent));
        }
    }

    public record ReleaseRef(String tag, Long runId) {}

    public static AlertView of(Alert a) {
        return of(a, null);
    }

    public static AlertView of(Alert a, Triaged triaged) {
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
                a.updatedAt,
                Shown.of(a),
                triaged);
    }
}
