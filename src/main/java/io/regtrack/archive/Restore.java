package io.regtrack.archive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.regtrack.alert.Alert;
import io.regtrack.alert.AlertStatus;
import io.regtrack.alert.Direction;
import io.regtrack.baseline.Release;
import io.regtrack.changepoint.Change;
import io.regtrack.git.Sha;
import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ThresholdsBody;
import io.regtrack.run.Run;
import io.regtrack.web.InputCheck;
import io.regtrack.web.ServerConfig;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** One import under way: the lines in order, what they stored, and the runs already resolved. */
final class Restore {

    /** Writes are sent and the persistence context emptied every this many runs. */
    private static final int BATCH = 100;

    private final Project project;
    private final ServerConfig server;
    private final ArchiveRepository archive;
    private final InputCheck input;
    private final Map<String, Long> runIds = new HashMap<>();
    private final Set<String> commits = new HashSet<>();
    private int runsCreated;
    private int runsReplayed;
    private int measurements;
    private int releasesCreated;
    private int alertsCreated;

    Restore(Project project, ServerConfig server, ArchiveRepository archive, InputCheck input) {
        this.project = project;
        this.server = server;
        this.archive = archive;
        this.input = input;
    }

    static ProblemException invalid(int line, String message) {
        return ProblemException.invalid("line " + line, message);
    }

    void line(int number, RestoreService.Parsed line) {
        switch (line.type()) {
            case "export" -> header(number, line.as(number, ArchiveLine.Header.class));
            case "release" -> release(number, line.as(number, ArchiveLine.ReleaseLine.class));
            case "settings" -> settings(number, line.as(number, ArchiveLine.SettingsLine.class));
            case "run" -> run(number, line.as(number, ArchiveLine.RunLine.class));
            case "alert" -> alert(number, line.as(number, ArchiveLine.AlertLine.class));
            default -> throw invalid(number, "type must be one of export, release, settings, run, alert");
        }
    }

    RestoreService.Restored done() {
        archive.flushAndClear();
        return new RestoreService.Restored(
                runsCreated, runsReplayed, measurements, commits.size(), releasesCreated, alertsCreated);
    }

    private void header(int number, ArchiveLine.Header header) {
        if (!ArchiveLine.FORMAT.equals(header.format()) || header.version() != ArchiveLine.VERSION) {
            throw invalid(number, "not a regtrack export of version " + ArchiveLine.VERSION);
        }
    }

    private void release(int number, ArchiveLine.ReleaseLine line) {
        require(number, line.tag() != null && line.createdAt() != null, "a release needs its tag and createdAt");
        String commit = sha(number, line.commit());
        Optional<Release> existing = archive.releaseByTag(project.id, line.tag());
        if (existing.isPresent()) {
            if (!existing.get().commitSha.equals(commit)) {
                throw ProblemException.conflict("line " + number + ": release " + line.tag() + " is commit "
                        + existing.get().commitSha + " here; nothing was stored");
            }
            return;
        }
        Release release = new Release();
        release.projectId = project.id;
        release.tag = line.tag();
        release.commitSha = commit;
        release.committedAt = line.committedAt();
        release.createdAt = line.createdAt();
        archive.persist(release);
        releasesCreated++;
    }

    private void settings(int number, ArchiveLine.SettingsLine line) {
        require(
                number,
                line.name() != null && line.defaultBranch() != null && line.releasePattern() != null,
                "settings need name, defaultBranch and releasePattern");
        Project target = archive.project(project.id);
        target.name = line.name();
        target.isPublic = line.isPublic();
        target.defaultBranch = line.defaultBranch();
        target.repository = line.repository();
        target.releasePattern = line.releasePattern();
        target.thresholds = line.thresholds() == null ? ThresholdsBody.NONE : input.valid(line.thresholds());
        target.pinnedReleaseId = line.pinnedRelease() == null
                ? null
                : archive.releaseByTag(project.id, line.pinnedRelease())
                        .orElseThrow(() -> invalid(number, "pinned release " + line.pinnedRelease() + " is not here"))
                        .id;
        archive.flush(); // a release pinned by a later part is found by its tag
    }

    private void run(int number, ArchiveLine.RunLine line) {
        require(
                number,
                line.branch() != null
                        && line.committedAt() != null
                        && line.receivedAt() != null
                        && line.requestHash() != null
                        && line.environmentHash() != null
                        && line.status() != null
                        && line.measurements() != null
                        && !line.measurements().isEmpty(),
                "a run needs branch, committedAt, receivedAt, requestHash, environmentHash, status and measurements");
        Run run = RunLines.run(line, project.id, sha(number, line.commit()));
        String ref = RunRef.of(run);
        require(number, ref.equals(line.ref()), "ref must be " + ref);
        Optional<Run> stored = archive.run(project.id, RunRef.parse(ref).orElseThrow());
        if (stored.isPresent()) {
            if (!stored.get().requestHash.equals(line.requestHash())) {
                throw ProblemException.conflict("line " + number + ": idempotencyKey '" + line.idempotencyKey()
                        + "' holds a different upload here; nothing was stored");
            }
            runIds.put(ref, stored.get().id);
            runsReplayed++;
            return;
        }
        for (ArchiveLine.MeasurementLine m : line.measurements()) {
            require(
                    number,
                    m.kind() != null
                            && m.name() != null
                            && m.unit() != null
                            && (m.value() == null) != (m.samples() == null),
                    "a measurement needs kind, name, unit, and a value or samples");
        }
        archive.persist(run);
        for (ArchiveLine.MeasurementLine m : line.measurements()) {
            archive.persist(RunLines.measurement(m, run));
        }
        if (line.comparison() instanceof ObjectNode comparison) {
            run.comparison = RunLines.comparison(
                    comparison.deepCopy(),
                    run.id,
                    server.link("/projects/" + project.slug + "/runs/" + run.id),
                    line.baselineRun() == null ? null : resolve(number, line.baselineRun(), "its baseline run"));
        }
        runIds.put(ref, run.id);
        commits.add(run.commitSha);
        measurements += line.measurements().size();
        if (++runsCreated % BATCH == 0) {
            archive.flushAndClear();
        }
    }

    private void alert(int number, ArchiveLine.AlertLine line) {
        require(
                number,
                line.branch() != null
                        && line.kind() != null
                        && line.name() != null
                        && line.unit() != null
                        && line.detectedRun() != null
                        && line.detectedCommit() != null
                        && line.openedAt() != null
                        && line.updatedAt() != null,
                "an alert needs branch, kind, name, unit, detectedRun, detectedCommit, openedAt and updatedAt");
        require(
                number,
                wire(AlertStatus.values()).contains(line.status()),
                "status must be one of " + wire(AlertStatus.values()));
        require(
                number,
                wire(Direction.values()).contains(line.direction()),
                "direction must be one of " + wire(Direction.values()));
        require(
                number,
                wire(Change.Method.values()).contains(line.method()),
                "method must be one of " + wire(Change.Method.values()));
        Alert alert = RunLines.alert(line, project.id);
        alert.detectedRunId = resolve(number, line.detectedRun(), "its detecting run");
        alert.culpritRunId = line.culpritRun() == null ? null : resolve(number, line.culpritRun(), "its culprit run");
        alert.releaseRunId = line.releaseRun() == null ? null : resolve(number, line.releaseRun(), "its release run");
        if (archive.hasAlert(project.id, alert)) {
            return;
        }
        archive.persist(alert);
        alertsCreated++;
    }

    /** The id here of the run an export refers to: imported by this body, or by an earlier one. */
    private long resolve(int number, String ref, String what) {
        Long known = runIds.get(ref);
        if (known != null) {
            return known;
        }
        long id = RunRef.parse(ref)
                .flatMap(r -> archive.run(project.id, r))
                .map(r -> r.id)
                .orElseThrow(() -> invalid(number, what + " " + ref + " is not here: import the runs first"));
        runIds.put(ref, id);
        return id;
    }

    private static String sha(int number, String commit) {
        try {
            return new Sha(Objects.requireNonNullElse(commit, "")).value();
        } catch (IllegalArgumentException e) {
            throw invalid(number, "commit " + Sha.RULE);
        }
    }

    private static void require(int number, boolean holds, String message) {
        if (!holds) {
            throw invalid(number, message);
        }
    }

    private static List<String> wire(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
