package io.regtrack.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.alert.AlertService;
import io.regtrack.baseline.ReleaseService;
import io.regtrack.cargo.EffectiveProfile;
import io.regtrack.comparison.ComparisonService;
import io.regtrack.git.Sha;
import io.regtrack.ingest.RunUpload.MeasurementUpload;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.EnvironmentHash;
import io.regtrack.run.Measurement;
import io.regtrack.run.Run;
import io.regtrack.run.RunInsert;
import io.regtrack.verdict.Judgement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Writes one upload as a run and its measurements, marks a release tag, and stores the run's
 * comparison with its release baseline, and opens or closes alerts; the caller owns the transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class RunWriter {

    private static final String IDEMPOTENCY_CONSTRAINT = "uq_runs_idempotency";

    private final RunInsert inserts;
    private final ProjectService projects;
    private final ReleaseService releases;
    private final ComparisonService comparisons;
    private final AlertService alerts;
    private final ObjectMapper json;
    private final Session session;

    private final Event<RunJudged> judged;

    RunWriter(
            RunInsert inserts,
            ProjectService projects,
            ReleaseService releases,
            ComparisonService comparisons,
            AlertService alerts,
            ObjectMapper json,
            Session session,
            Event<RunJudged> judged) {
        this.judged = judged;
        this.projects = projects;
        this.session = session;
        this.alerts = alerts;
        this.inserts = inserts;
        this.releases = releases;
        this.comparisons = comparisons;
        this.json = json;
    }

    /** Stores the run and answers it; the answer is kept with the run as it was sent, for a replay. */
    JsonNode store(
            Project project,
            RunUpload upload,
            List<MeasurementUpload> measured,
            String requestHash,
            EffectiveProfile.Result profile) {
        projects.holdForUpload(project);
        Instant now = Instant.now();
        Run run = new Run();
        run.projectId = project.id;
        run.commitSha = new Sha(upload.commit()).value();
        run.branch = upload.branch();
        run.tag = upload.tag();
        run.parentCommit = upload.parentCommit() == null ? null : new Sha(upload.parentCommit()).value();
        run.pullRequest = upload.pullRequest();
        run.committedAt =
                upload.committedAt() == null ? now : upload.committedAt().toInstant();
        run.receivedAt = now;
        run.message = upload.message();
        run.author = upload.author();
        run.ciUrl = upload.ciUrl();
        run.idempotencyKey = upload.idempotencyKey();
        run.requestHash = requestHash;
        run.toolchain = toolchain(upload.toolchain());
        run.runner = runner(upload.runner());
        run.target = run.toolchain.get("target");
        run.profileName = upload.profile() == null ? null : upload.profile().name();
        run.profileSettings = upload.profile() == null || upload.profile().settings() == null
                ? Map.of()
                : upload.profile().settings();
        run.profileInputs = profileInputs(upload.profile());
        run.profileEffective = ProfileReading.stored(profile);
        run.profileWarnings = profile == null ? List.of() : profile.warnings();
        run.environmentHash = EnvironmentHash.of(run.profileEffective, run.toolchain);
        List<Measurement> rows = measured.stream().map(RunWriter::measurement).toList();
        // Reads below never make Hibernate flush first and compare every entity of the session with
        // its snapshot; the run and its measurements are not Hibernate's to write at all.
        session.setHibernateFlushMode(FlushMode.COMMIT);
        inserts.number(run, rows);
        // Judged before it is written: every read of the judgement leaves the run itself out (other
        // commits' releases, other runs of its commit, points strictly before it), so the run is
        // written once, with its answer.
        releases.noteUpload(project, run);
        Judgement judgement = comparisons.judge(project, run, rows, "release");
        run.status = judgement.status();
        run.comparison = json.valueToTree(comparisons.answer(project, run, judgement));
        inserts.insert(run, rows); // a concurrent upload with the same idempotency key fails here
        alerts.onUpload(project, run, rows, judgement);
        judged.fire(new RunJudged(project, run));
        return run.comparison;
    }

    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && IDEMPOTENCY_CONSTRAINT.equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static Measurement measurement(MeasurementUpload m) {
        Measurement row = new Measurement();
        row.kind = m.kind();
        row.name = m.name();
        row.unit = UploadRules.unitOf(m);
        row.value = m.value();
        if (m.samples() != null) {
            row.samples = m.samples().stream().mapToDouble(Double::doubleValue).toArray();
            row.center = new Median().evaluate(row.samples);
        } else {
            row.center = m.value();
        }
        if (m.parts() != null) {
            Map<String, Long> parts = new LinkedHashMap<>();
            m.parts().forEach((part, bytes) -> parts.put(part, bytes.longValue()));
            row.parts = parts;
        }
        return row;
    }

    private static Map<String, String> toolchain(RunUpload.Toolchain t) {
        Map<String, String> map = new LinkedHashMap<>();
        if (t != null) {
            putIfPresent(map, "rustc", t.rustc());
            putIfPresent(map, "target", t.target());
            putIfPresent(map, "cargo", t.cargo());
        }
        return map;
    }

    private static Map<String, String> runner(RunUpload.Runner r) {
        Map<String, String> map = new LinkedHashMap<>();
        if (r != null) {
            putIfPresent(map, "os", r.os());
            putIfPresent(map, "arch", r.arch());
            putIfPresent(map, "cpu", r.cpu());
        }
        return map;
    }

    private static Map<String, Object> profileInputs(RunUpload.ProfileUpload p) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (p != null) {
            putIfPresent(map, "manifest", p.manifest());
            putIfPresent(map, "workspaceManifest", p.workspaceManifest());
            putIfPresent(map, "cargoConfig", p.cargoConfig());
            putIfPresent(map, "env", p.env());
            putIfPresent(map, "rustcInvocation", p.rustcInvocation());
        }
        return map;
    }

    private static <V> void putIfPresent(Map<String, ? super V> map, String key, V value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
