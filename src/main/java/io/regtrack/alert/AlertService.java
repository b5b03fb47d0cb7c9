package io.regtrack.alert;

import io.regtrack.changepoint.Shift;
import io.regtrack.changepoint.ShiftDetector;
import io.regtrack.changepoint.SizeSteps;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.MeasurementRepository;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.run.WindowPoint;
import io.regtrack.verdict.Comparison;
import io.regtrack.verdict.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens an alert for each regression on a tracked branch (the default branch, or one named
 * {@code release/…} or {@code release-…}) and names its culprit; marks it fixed when a later run
 * of the branch is back within the threshold. The caller owns the transaction.
 */
@ApplicationScoped
public class AlertService {

    static final int HISTORY = 200;

    private final AlertRepository alerts;
    private final MeasurementRepository measurements;
    private final ProjectService projects;
    private final RunRepository runs;

    AlertService(
            AlertRepository alerts, MeasurementRepository measurements, ProjectService projects, RunRepository runs) {
        this.runs = runs;
        this.alerts = alerts;
        this.measurements = measurements;
        this.projects = projects;
    }

    public static boolean tracked(Project project, String branch) {
        return branch.equals(project.defaultBranch) || branch.startsWith("release/") || branch.startsWith("release-");
    }

    public void onComparison(Project project, Run run, Comparison comparison) {
        if (comparison.baseline() == null || !tracked(project, run.branch)) {
            return;
        }
        Instant now = Instant.now();
        runs.lock("alerts " + project.id + " " + run.branch + " " + run.target + " " + run.profileName);
        Map<String, Alert> liveBySeries = new HashMap<>();
        alerts.live(project.id, run.branch, run.target, run.profileName)
                .forEach(a -> liveBySeries.put(a.kind + "\u0000" + a.name, a));
        List<Alert> unlocated = new ArrayList<>();
        Map<Alert, Verdict> verdictOf = new HashMap<>();
        for (Verdict v : comparison.verdicts()) {
            Optional<Alert> live = Optional.ofNullable(liveBySeries.get(v.kind() + "\u0000" + v.name()));
            if (v.status().equals("regressed")) {
                Alert alert = live.orElseGet(() -> open(project, run, comparison, v, now));
                if (alert.culpritRunId == null) {
                    unlocated.add(alert); // a shift in a noisy series is only located a few runs after it started
                    verdictOf.put(alert, v);
                }
                alert.runId = run.id;
                alert.currentValue = v.current();
                alert.deltaPercent = v.deltaPercent();
                alert.explanations = v.explanations();
                alert.updatedAt = now;
            } else if (live.isPresent()
                    && (v.status().equals("unchanged") || v.status().equals("improved"))) {
                live.get().status = "fixed";
                live.get().note = "Back within the threshold in run " + run.id;
                live.get().updatedAt = now;
            }
        }
        locate(project, run, unlocated, verdictOf);
    }

    /** Names the culprits of alerts that have none yet, reading all their series in one statement. */
    private void locate(Project project, Run run, List<Alert> unlocated, Map<Alert, Verdict> verdictOf) {
        if (unlocated.isEmpty()) {
            return;
        }
        Map<String, List<WindowPoint>> windows = measurements.windows(
                run,
                unlocated.stream()
                        .map(a -> Map.of("kind", a.kind, "name", a.name))
                        .toList(),
                HISTORY,
                true);
        Map<Alert, Long> culprits = new HashMap<>();
        for (Alert alert : unlocated) {
            List<WindowPoint> series = windows.getOrDefault(alert.kind + "\u0000" + alert.name, List.of());
            culprit(project, series, verdictOf.get(alert)).ifPresent(point -> culprits.put(alert, point.runId()));
        }
        Map<Long, String> commits = runs.commitsOf(culprits.values());
        culprits.forEach((alert, runId) -> {
            alert.culpritRunId = runId;
            alert.culpritCommit = commits.get(runId);
        });
    }

    private Alert open(Project project, Run run, Comparison comparison, Verdict v, Instant now) {
        Alert alert = new Alert();
        alert.projectId = project.id;
        alert.branch = run.branch;
        alert.kind = v.kind();
        alert.name = v.name();
        alert.unit = v.unit();
        alert.target = run.target;
        alert.profileName = run.profileName;
        alert.status = "open";
        alert.baselineRunId = comparison.baseline().runId();
        alert.baselineTag = comparison.baseline().tag();
        alert.baselineValue = v.baseline();
        alert.openedAt = now;
        alert.updatedAt = now;
        alert.runId = run.id;
        alert.currentValue = v.current();
        alerts.persist(alert);
        return alert;
    }

    /** The first run of the new level: exact for sizes, by change-point detection for noisy kinds. */
    Optional<WindowPoint> culprit(Project project, List<WindowPoint> series, Verdict v) {
        if (series.isEmpty()) {
            return Optional.empty();
        }
        double[] values = series.stream().mapToDouble(WindowPoint::center).toArray();
        if (v.kind().equals("size")) {
            double allowance = projects.thresholds(project).sizeFor(v.name()).allowance(v.baseline());
            int culprit = SizeSteps.culprit(values, v.baseline(), allowance);
            return culprit < 0 ? Optional.empty() : Optional.of(series.get(culprit));
        }
        List<Shift> shifts = new ShiftDetector().detect(values);
        for (int i = shifts.size() - 1; i >= 0; i--) {
            if (shifts.get(i).after() > shifts.get(i).before()) {
                return Optional.of(series.get(shifts.get(i).start()));
            }
        }
        return Optional.empty();
    }
}
