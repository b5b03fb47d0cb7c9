package io.regtrack.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.regtrack.cargo.EffectiveProfile;
import io.regtrack.problem.ProblemException;
import io.regtrack.problem.Violation;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.web.InputCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Stores a run and all its measurements in one transaction and answers its comparison. An upload
 * whose idempotency key is already stored gets the stored comparison back; when identical uploads
 * race, the unique constraint on (project, key) decides which one is stored.
 */
@ApplicationScoped
public class IngestService {

    private final ProjectService projects;
    private final RunRepository runs;
    private final RunWriter writer;
    private final ObjectMapper json;
    private final InputCheck input;

    IngestService(ProjectService projects, RunRepository runs, RunWriter writer, ObjectMapper json, InputCheck input) {
        this.input = input;
        this.projects = projects;
        this.runs = runs;
        this.writer = writer;
        this.json = json;
    }

    public IngestResult ingest(String slug, RunUpload body) {
        Project project = projects.ingestible(slug);
        Checked checked = check(body);
        if (checked.upload().tag() != null) {
            projects.requireRelease(project); // a tagged run marks a release
        }
        return store(project, checked);
    }

    /**
     * Stores an upload that passed {@link #check} into a project the caller may ingest into, or
     * answers the stored run of its idempotency key: one transaction either way.
     */
    IngestResult store(Project project, Checked checked) {
        RunUpload upload = checked.upload();
        String requestHash = checked.requestHash();
        String key = upload.idempotencyKey();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (key != null) {
                    Optional<Run> stored = runs.findByIdempotencyKey(project.id, key);
                    if (stored.isPresent()) {
                        return replay(stored.get(), requestHash);
                    }
                }
                return new IngestResult(
                        writer.store(
                                project,
                                upload,
                                checked.measured().stream()
                                        .map(UploadMeasurements.Sourced::measurement)
                                        .toList(),
                                requestHash,
                                checked.profile()),
                        false);
            });
        } catch (RuntimeException e) {
            if (key == null || !RunWriter.isDuplicateKey(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew()
                    .call(() ->
                            replay(runs.findByIdempotencyKey(project.id, key).orElseThrow(() -> e), requestHash));
        }
    }

    /** An upload that passed every rule, with what was read from it. */
    record Checked(
            RunUpload upload,
            List<UploadMeasurements.Sourced> measured,
            EffectiveProfile.Result profile,
            String requestHash) {}

    /** An upload checked by every rule (a 400 otherwise), with its measurements, profile and fingerprint. */
    Checked check(RunUpload body) {
        RunUpload upload = input.valid(body);
        List<UploadMeasurements.Sourced> measured = UploadMeasurements.of(upload);
        List<Violation> violations = UploadRules.check(upload, measured);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        EffectiveProfile.Result profile = ProfileReading.of(upload);
        return new Checked(upload, measured, profile, UploadFingerprint.of(upload, json));
    }

    private IngestResult replay(Run stored, String requestHash) {
        if (!stored.requestHash.equals(requestHash)) {
            throw ProblemException.conflict("idempotencyKey '" + stored.idempotencyKey + "' was already used for run "
                    + stored.id + " with a different upload");
        }
        return new IngestResult(stored.comparison, true);
    }
}
