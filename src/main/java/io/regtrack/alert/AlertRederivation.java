package io.regtrack.alert;

import io.regtrack.changepoint.Change;
import io.regtrack.changepoint.Rederive;
import io.regtrack.changepoint.ShiftDetector;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.BuildKey;
import io.regtrack.run.MeasurementRepository;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.run.WindowPoint;
import io.regtrack.verdict.SeriesKey;
import io.regtrack.verdict.Thresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides again, before a run is deleted, the alerts it took part in: those it was the culprit, a
 * suspect or the detection of, and a step whose level before was its value. Each is re-derived by
 * the pure {@link Rederive} from its series without the run: it moves to the culprit the remaining
 * history shows (keeping its triage state and note), or is removed when its change went with the
 * run. Holds the lock uploads take for the series' alerts; the caller owns the transaction.
 */
@ApplicationScoped
public class AlertRederivation {

    private static final Set<String> METHODS = Set.of("step", "creep", "shift");

    private final AlertRepository alerts;
    private final MeasurementRepository measurements;
    private final ProjectService projects;
    private final RunRepository runs;
    private final DetectionConfig detection;
    private final RederivedAlerts written;

    AlertRederivation(
            AlertRepository alerts,
            MeasurementRepository measurements,
            ProjectService projects,
            RunRepository runs,
            DetectionConfig detection,
            RederivedAlerts written) {
        this.written = written;
        this.alerts = alerts;
        this.measurements = measurements;
        this.projects = projects;
        this.runs = runs;
        this.detection = detection;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void beforeRunDeleted(Project project, Run run) {
        runs.lock("alerts " + project.id + " " + run.branch + " " + run.target + " " + run.profileName);
        Map<SeriesKey, List<WindowPoint>> around = measurements.around(run, 2 * detection.window());
        Set<Long> windowRuns = new HashSet<>();
        around.values().forEach(points -> points.forEach(p -> windowRuns.add(p.runId())));
        Map<SeriesKey, List<Alert>> bySeries = new HashMap<>();
        alerts.ofRuns(project.id, run.branch, BuildKey.of(run), windowRuns)
                .forEach(a -> bySeries.computeIfAbsent(a.seriesKey(), k -> new ArrayList<>())
                        .add(a));
        if (bySeries.isEmpty()) {
            return;
        }
        Map<Long, String> commits = runs.commitsOf(windowRuns);
        Thresholds thresholds = projects.thresholds(project);
        List<AlertOutcome> outcomes = new ArrayList<>();
        bySeries.forEach((key, ofSeries) -> {
            List<WindowPoint> points = around.getOrDefault(key, List.of());
            int removed = indexOf(points, run.id);
            if (removed < 0) {
                return;
            }
            List<WindowPoint> rest = new ArrayList<>(points);
            rest.remove(removed);
            double[] values = points.stream().mapToDouble(WindowPoint::center).toArray();
            for (Alert a : ofSeries) {
                if (!METHODS.contains(a.method)) {
                    continue; // an alert of the first releases, found by a threshold: not a change to re-derive
                }
                Rederive.Recorded recorded = recorded(a, points, commits);
                if (!Rederive.touches(recorded, removed)) {
                    continue;
                }
                Optional<Rederive.Rederived> found = Rederive.without(
                        values,
                        removed,
                        recorded,
                        AlertService.allowance(a.kind, a.name, thresholds),
                        detector(a, thresholds),
                        levelStart(a, ofSeries, points, recorded));
                outcomes.add(new AlertOutcome(a, rest, found.orElse(null)));
            }
        });
        written.apply(outcomes, bySeries);
    }

    private static Rederive.Recorded recorded(Alert a, List<WindowPoint> points, Map<Long, String> commits) {
        List<Integer> suspects = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (a.suspects.contains(commits.get(points.get(i).runId()))) {
                suspects.add(i);
            }
        }
        return new Rederive.Recorded(
                Change.Method.valueOf(a.method.toUpperCase(Locale.ROOT)),
                a.culpritRunId == null ? -1 : indexOf(points, a.culpritRunId),
                indexOf(points, a.detectedRunId),
                suspects,
                a.after > a.before,
                a.before);
    }

    /** A shift's level starts at the newest other shift of the series recorded before its culprit. */
    private static int levelStart(Alert a, List<Alert> ofSeries, List<WindowPoint> points, Rederive.Recorded r) {
        int start = 0;
        for (Alert other : ofSeries) {
            if (other != a && other.culpritRunId != null && "shift".equals(other.method)) {
                int at = indexOf(points, other.culpritRunId);
                if (at >= 0 && at < r.culprit() && at > start) {
                    start = at;
                }
            }
        }
        return start;
    }

    private ShiftDetector detector(Alert a, Thresholds thresholds) {
        return detection.detector(thresholds.runtimeFor(a.name).minEffectPercent() / 100);
    }

    private static int indexOf(List<WindowPoint> points, long runId) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).runId() == runId) {
                return i;
            }
        }
        return -1;
    }
}
