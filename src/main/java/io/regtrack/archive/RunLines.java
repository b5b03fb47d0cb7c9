package io.regtrack.archive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.regtrack.alert.Alert;
import io.regtrack.run.Measurement;
import io.regtrack.run.Run;
import java.util.List;
import java.util.Map;

/** Export lines turned back into rows: a run as it was stored, its measurements, an alert. */
final class RunLines {

    private RunLines() {}

    static Run run(ArchiveLine.RunLine line, long projectId, String commit) {
        Run run = new Run();
        run.projectId = projectId;
        run.commitSha = commit;
        run.branch = line.branch();
        run.tag = line.tag();
        run.parentCommit = line.parentCommit();
        run.pullRequest = line.pullRequest();
        run.committedAt = line.committedAt();
        run.receivedAt = line.receivedAt();
        run.message = line.message();
        run.author = line.author();
        run.ciUrl = line.ciUrl();
        run.idempotencyKey = line.idempotencyKey();
        run.requestHash = line.requestHash();
        run.toolchain = line.toolchain() == null ? Map.of() : line.toolchain();
        run.runner = line.runner() == null ? Map.of() : line.runner();
        run.target = line.target();
        run.profileName = line.profileName();
        run.profileSettings = line.profileSettings() == null ? Map.of() : line.profileSettings();
        run.profileInputs = line.profileInputs() == null ? Map.of() : line.profileInputs();
        run.profileEffective = line.profileEffective() == null ? Map.of() : line.profileEffective();
        run.profileWarnings = line.profileWarnings() == null ? List.of() : line.profileWarnings();
        run.environmentHash = line.environmentHash();
        run.status = line.status();
        return run;
    }

    /** A measurement of a stored run, with the series key the run gives it. */
    static Measurement measurement(ArchiveLine.MeasurementLine line, Run run) {
        Measurement m = new Measurement();
        m.runId = run.id;
        m.projectId = run.projectId;
        m.branch = run.branch;
        m.committedAt = run.committedAt;
        m.profileName = run.profileName;
        m.target = run.target;
        m.environmentHash = run.environmentHash;
        m.kind = line.kind();
        m.name = line.name();
        m.unit = line.unit();
        m.value = line.value();
        m.samples = line.samples();
        m.center = line.center();
        m.parts = line.parts();
        return m;
    }

    /**
     * The answer an upload got, as this instance would have given it: its run id and link (in the
     * Markdown too) are the imported run's, its baseline's run id the imported baseline's.
     */
    static ObjectNode comparison(ObjectNode comparison, long runId, String url, Long baselineRunId) {
        String was = comparison.path("url").asText(null);
        comparison.put("runId", runId);
        comparison.put("url", url);
        if (was != null && comparison.path("markdown").isTextual()) {
            comparison.put("markdown", comparison.get("markdown").asText().replace(was, url));
        }
        if (baselineRunId != null && comparison.get("baseline") instanceof ObjectNode baseline) {
            baseline.put("runId", baselineRunId);
        }
        return comparison;
    }

    static Alert alert(ArchiveLine.AlertLine line, long projectId) {
        Alert alert = new Alert();
        alert.projectId = projectId;
        alert.branch = line.branch();
        alert.kind = line.kind();
        alert.name = line.name();
        alert.unit = line.unit();
        alert.target = line.target();
        alert.profileName = line.profileName();
        alert.status = line.status();
        alert.direction = line.direction();
        alert.method = line.method();
        alert.releaseTag = line.releaseTag();
        alert.before = line.before();
        alert.after = line.after();
        alert.delta = line.delta();
        alert.deltaPercent = line.deltaPercent();
        alert.detectedCommit = line.detectedCommit();
        alert.culpritCommit = line.culpritCommit();
        alert.suspects = line.suspects() == null ? List.of() : line.suspects();
        alert.explanations = line.explanations() == null ? List.of() : line.explanations();
        alert.note = line.note();
        alert.openedAt = line.openedAt();
        alert.updatedAt = line.updatedAt();
        return alert;
    }
}
