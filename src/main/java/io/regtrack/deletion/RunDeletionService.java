package io.regtrack.deletion;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.alert.AlertRederivation;
import io.regtrack.audit.AuditAction;
import io.regtrack.audit.AuditTrail;
import io.regtrack.auth.Access;
import io.regtrack.comparison.ComparisonService;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.MeasurementRepository;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.verdict.Judgement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Deletes a bad run in one transaction, while no upload of its project is in progress (the hold
 * uploads share, taken alone), with the locks uploads take for its release tag and its series'
 * alerts: its alerts are decided again without it, it and its measurements are removed, and the
 * runs whose stored answer named it are judged again, so no stored status names a deleted run.
 */
@ApplicationScoped
public class RunDeletionService {

    private final ProjectService projects;
    private final RunRepository runs;
    private final MeasurementRepository measurements;
    private final RunDeletionRepository deletions;
    private final AlertRederivation alerts;
    private final ComparisonService comparisons;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Access access;

    RunDeletionService(
            ProjectService projects,
            RunRepository runs,
            MeasurementRepository measurements,
            RunDeletionRepository deletions,
            AlertRederivation alerts,
            ComparisonService comparisons,
            ObjectMapper json,
            AuditTrail audit,
            Access access) {
        this.audit = audit;
        this.access = access;
        this.projects = projects;
        this.runs = runs;
        this.measurements = measurements;
        this.deletions = deletions;
        this.alerts = alerts;
        this.comparisons = comparisons;
        this.json = json;
    }

    /** Deletes the run; true when it was there, false when it was not (deleted already): nothing changes then. */
    @Transactional
    public boolean delete(String slug, long runId) {
        Project project = projects.administrable(slug);
        projects.holdForDeletion(project);
        Optional<Run> found = runs.findInProject(project.id, runId);
        if (found.isEmpty()) {
            return false;
        }
        Run run = found.get();
        if (run.tag != null) {
            runs.lock("release " + project.id + " " + run.tag); // as a tagged upload takes it, before the alerts'
        }
        alerts.beforeRunDeleted(project, run);
        List<Long> named = deletions.answersNaming(project.id, run.id, run.commitSha);
        deletions.delete(run.id);
        runs.getEntityManager().detach(run);
        runs.byIds(named).values().stream()
                .sorted(java.util.Comparator.comparing((Run r) -> r.committedAt).thenComparing(r -> r.id))
                .forEach(r -> judgeAgain(project, r));
        audit.record(
                project.id,
                access.caller(),
                AuditAction.RUN_DELETED,
                "run " + run.id,
                new Deleted(run.commitSha, run.branch, run.tag, run.target, run.profileName, named.size()));
        return true;
    }

    /** What the audit trail keeps of a deleted run: which it was, and how many answers were judged again. */
    record Deleted(String commit, String branch, String tag, String target, String profile, int judgedAgain) {}

    /** Judges a stored run against its release baseline now, and stores that as its status and answer. */
    private void judgeAgain(Project project, Run run) {
        Judgement judgement = comparisons.judge(project, run, measurements.ofRun(run.id), "release");
        runs.storeAnswer(run.id, judgement.status(), json.valueToTree(comparisons.answer(project, run, judgement)));
    }
}
