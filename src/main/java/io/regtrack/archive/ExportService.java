package io.regtrack.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.regtrack.alert.Alert;
import io.regtrack.baseline.Release;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.Measurement;
import io.regtrack.run.Run;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a project as JSON lines ({@link ArchiveLine}) while reading it a page at a time, each page
 * in a short transaction of its own: however large the project, the service holds one page. What
 * was received (runs) or opened (alerts) after the export began is left for the next one.
 */
@ApplicationScoped
public class ExportService {

    /** Runs per page: a run may carry thousands of measurements, so pages are kept small. */
    static final int PAGE = 100;

    private final ProjectService projects;
    private final ArchiveRepository archive;
    private final ObjectMapper json;

    ExportService(ProjectService projects, ArchiveRepository archive, ObjectMapper json) {
        this.projects = projects;
        this.archive = archive;
        this.json = json;
    }

    /** A project an admin may export, and the moment its export is taken at. */
    public record Export(long projectId, String slug, Instant until) {}

    public Export prepare(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Project project = projects.administrable(slug);
            return new Export(project.id, project.slug, Instant.now());
        });
    }

    public void write(Export export, OutputStream out) throws IOException {
        Writer lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        line(
                lines,
                new ArchiveLine.Header(
                        "export", ArchiveLine.FORMAT, ArchiveLine.VERSION, export.slug(), export.until()));
        for (Object head : QuarkusTransaction.requiringNew().call(() -> head(export))) {
            line(lines, head);
        }
        ArchiveRepository.Position at = ArchiveRepository.Position.START;
        while (true) {
            ArchiveRepository.Position after = at;
            Page<ArchiveLine.RunLine> page = QuarkusTransaction.requiringNew().call(() -> runs(export, after));
            for (ArchiveLine.RunLine run : page.lines()) {
                line(lines, run);
            }
            lines.flush();
            if (page.next() == null) {
                break;
            }
            at = page.next();
        }
        at = ArchiveRepository.Position.START;
        while (true) {
            ArchiveRepository.Position after = at;
            Page<ArchiveLine.AlertLine> page = QuarkusTransaction.requiringNew().call(() -> alerts(export, after));
            for (ArchiveLine.AlertLine alert : page.lines()) {
                line(lines, alert);
            }
            if (page.next() == null) {
                break;
            }
            at = page.next();
        }
        lines.flush();
    }

    /** Lines of a page, and where the next page starts (none after the last). */
    private record Page<T>(List<T> lines, ArchiveRepository.Position next) {}

    /** The releases, then the settings (which may pin one of them). */
    private List<Object> head(Export export) {
        Project project = projects.administrable(export.slug());
        List<Object> head = new ArrayList<>();
        for (Release r : archive.releases(export.projectId())) {
            head.add(new ArchiveLine.ReleaseLine("release", r.tag, r.commitSha, r.committedAt, r.createdAt));
        }
        String pinned = project.pinnedReleaseId == null
                ? null
                : archive.release(project.pinnedReleaseId).map(r -> r.tag).orElse(null);
        head.add(new ArchiveLine.SettingsLine(
                "settings",
                project.name,
                project.isPublic,
                project.defaultBranch,
                project.repository,
                project.releasePattern,
                project.thresholds,
                pinned));
        return head;
    }

    private Page<ArchiveLine.RunLine> runs(Export export, ArchiveRepository.Position after) {
        List<Run> runs = archive.runs(export.projectId(), export.until(), after, PAGE);
        Map<Long, List<Measurement>> measured = archive
                .measurements(runs.stream().map(r -> r.id).toList())
                .stream()
                .collect(Collectors.groupingBy(m -> m.runId));
        Set<Long> baselines = new HashSet<>();
        runs.forEach(r -> baselineRunId(r.comparison).ifPresent(baselines::add));
        Map<Long, String> refs = archive.refs(baselines);
        List<ArchiveLine.RunLine> lines = new ArrayList<>();
        for (Run r : runs) {
            List<ArchiveLine.MeasurementLine> measurements = measured.getOrDefault(r.id, List.of()).stream()
                    .map(m -> new ArchiveLine.MeasurementLine(
                            m.kind, m.name, m.unit, m.value, m.samples, m.center, m.parts))
                    .toList();
            lines.add(new ArchiveLine.RunLine(
                    "run",
                    RunRef.of(r),
                    r.commitSha,
                    r.branch,
                    r.tag,
                    r.parentCommit,
                    r.pullRequest,
                    r.committedAt,
                    r.receivedAt,
                    r.message,
                    r.author,
                    r.ciUrl,
                    r.idempotencyKey,
                    r.requestHash,
                    r.toolchain,
                    r.runner,
                    r.target,
                    r.profileName,
                    r.profileSettings,
                    r.profileInputs,
                    r.profileEffective,
                    r.profileWarnings,
                    r.environmentHash,
                    r.status,
                    r.comparison,
                    baselineRunId(r.comparison).map(refs::get).orElse(null),
                    measurements));
        }
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        return new Page<>(lines, runs.size() < PAGE ? null : new ArchiveRepository.Position(last.receivedAt, last.id));
    }

    private Page<ArchiveLine.AlertLine> alerts(Export export, ArchiveRepository.Position after) {
        List<Alert> alerts = archive.alerts(export.projectId(), export.until(), after, PAGE);
        Set<Long> runIds = new HashSet<>();
        for (Alert a : alerts) {
            runIds.add(a.detectedRunId);
            if (a.culpritRunId != null) {
                runIds.add(a.culpritRunId);
            }
            if (a.releaseRunId != null) {
                runIds.add(a.releaseRunId);
            }
        }
        Map<Long, String> refs = archive.refs(runIds);
        List<ArchiveLine.AlertLine> lines = alerts.stream()
                .map(a -> new ArchiveLine.AlertLine(
                        "alert",
                        a.branch,
                        a.kind,
                        a.name,
                        a.unit,
                        a.target,
                        a.profileName,
                        a.status,
                        a.direction,
                        a.method,
                        a.releaseRunId == null ? null : refs.get(a.releaseRunId),
                        a.releaseTag,
                        a.before,
                        a.after,
                        a.delta,
                        a.deltaPercent,
                        refs.get(a.detectedRunId),
                        a.detectedCommit,
                        a.culpritRunId == null ? null : refs.get(a.culpritRunId),
                        a.culpritCommit,
                        a.suspects,
                        a.explanations,
                        a.note,
                        a.openedAt,
                        a.updatedAt))
                .toList();
        Alert last = alerts.isEmpty() ? null : alerts.get(alerts.size() - 1);
        return new Page<>(lines, alerts.size() < PAGE ? null : new ArchiveRepository.Position(last.openedAt, last.id));
    }

    static java.util.Optional<Long> baselineRunId(JsonNode comparison) {
        JsonNode id = comparison == null ? null : comparison.path("baseline").get("runId");
        return id != null && id.canConvertToLong() ? java.util.Optional.of(id.asLong()) : java.util.Optional.empty();
    }

    private void line(Writer out, Object line) throws IOException {
        out.write(json.writeValueAsString(line));
        out.write('\n');
    }
}
