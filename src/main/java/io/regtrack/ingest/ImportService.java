package io.regtrack.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.regtrack.archive.ArchiveLine;
import io.regtrack.archive.RestoreService;
import io.regtrack.imports.History;
import io.regtrack.imports.ImportedRun;
import io.regtrack.imports.Imports;
import io.regtrack.problem.ProblemException;
import io.regtrack.problem.Violation;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.results.ResultException;
import io.regtrack.run.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports another tracker's history into a project: the file is read whole, each of its runs is checked as an upload,
 * and only then are they uploaded one by one, oldest first, through {@link IngestService#ingest} — so rules,
 * idempotency and alerts are those of any upload, and the changes are found in history order. A malformed file, a run
 * an upload would refuse, or a run whose key a different upload already took stores nothing.
 */
@ApplicationScoped
public class ImportService {

    /** The most violations one refusal lists. */
    static final int MAX_VIOLATIONS = 100;

    private static final Pattern MEASUREMENT = Pattern.compile("^measurements\\[(\\d+)](.*)$");

    private final ProjectService projects;
    private final IngestService ingest;
    private final RunRepository runs;
    private final RestoreService restores;

    ImportService(ProjectService projects, IngestService ingest, RunRepository runs, RestoreService restores) {
        this.projects = projects;
        this.ingest = ingest;
        this.runs = runs;
        this.restores = restores;
    }

    public ImportView importHistory(String slug, String format, String file) {
        if (ArchiveLine.FORMAT.equals(format)) {
            RestoreService.Restored restored = restores.restore(slug, file);
            return new ImportView(
                    new ImportView.Runs(restored.runsCreated(), restored.runsReplayed()),
                    restored.measurements(),
                    restored.commits(),
                    List.of());
        }
        Project project = QuarkusTransaction.requiringNew().call(() -> projects.ingestible(slug));
        if (format == null || !Imports.FORMATS.contains(format)) {
            throw ProblemException.invalid(
                    "format", "must be one of: " + String.join(", ", Imports.FORMATS) + ", " + ArchiveLine.FORMAT);
        }
        History history;
        try {
            history = Imports.read(format, file);
        } catch (ResultException e) {
            throw ProblemException.invalid(e.place().isEmpty() ? "body" : e.place(), e.getMessage());
        }
        List<IngestService.Checked> checked = checkAll(project, history.runs());
        int created = 0;
        int replayed = 0;
        int measurements = 0;
        Set<String> commits = new HashSet<>();
        for (IngestService.Checked run : checked) {
            if (ingest.store(project, run).replayed()) {
                replayed++;
            } else {
                created++;
            }
            measurements += run.measured().size();
            commits.add(run.upload().commit().toLowerCase(Locale.ROOT));
        }
        return new ImportView(
                new ImportView.Runs(created, replayed),
                measurements,
                commits.size(),
                history.skipped().stream()
                        .map(s -> new ImportView.Skip(s.at(), s.reason()))
                        .toList());
    }

    /**
     * Every run checked once, as an upload is: each passes the upload's rules, and none takes a key
     * stored with another upload (one read for all the keys), or nothing is stored.
     */
    private List<IngestService.Checked> checkAll(Project project, List<ImportedRun> imported) {
        List<Violation> violations = new ArrayList<>();
        List<IngestService.Checked> checked = new ArrayList<>();
        for (int i = 0; i < imported.size() && violations.size() < MAX_VIOLATIONS; i++) {
            ImportedRun run = imported.get(i);
            RunUpload upload = upload(run, project.defaultBranch);
            try {
                checked.add(ingest.check(upload));
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                for (Violation v : e.violations()) {
                    violations.add(new Violation(run.place(), said(v, upload)));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.subList(0, Math.min(violations.size(), MAX_VIOLATIONS)));
        }
        Map<String, String> stored = QuarkusTransaction.requiringNew()
                .call(() -> runs.requestHashesByKey(
                        project.id,
                        checked.stream().map(c -> c.upload().idempotencyKey()).toList()));
        List<String> conflicts = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            String hash = stored.get(checked.get(i).upload().idempotencyKey());
            if (hash != null && !hash.equals(checked.get(i).requestHash())) {
                conflicts.add(imported.get(i).place());
            }
        }
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict(conflicts.size() + " of the file's runs have the idempotency key of a run "
                    + "stored from a different upload (the file changed since it was imported?), first "
                    + conflicts.get(0) + "; nothing was stored");
        }
        return checked;
    }

    /** A rule an upload broke, said of the file: a measurement by its kind and name rather than its index. */
    private static String said(Violation v, RunUpload upload) {
        Matcher m = MEASUREMENT.matcher(v.field());
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            if (index < upload.measurements().size()) {
                RunUpload.MeasurementUpload measurement = upload.measurements().get(index);
                String part = m.group(2).isEmpty() ? "" : " " + m.group(2).substring(1);
                return "the " + measurement.kind() + " \"" + measurement.name() + "\"" + part + ": " + v.message();
            }
        }
        return v.field() + ": " + v.message();
    }

    private static RunUpload upload(ImportedRun run, String defaultBranch) {
        return new RunUpload(
                run.commit(),
                run.branch() == null ? defaultBranch : run.branch(),
                null,
                null,
                null,
                run.committedAt(),
                run.message(),
                run.author(),
                null,
                run.key(),
                null,
                null,
                null,
                run.measures().stream().map(UploadMeasurements::measurement).toList(),
                null);
    }
}
