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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final AlertRepository alerts;
    private final MeasurementRepository measurements;
    private final ProjectService projects;
    private final RunRepository runs;
    private final DetectionConfig detection;

    AlertRederivation(
            AlertRepository alerts,
            MeasurementRepository measurements,
            ProjectService projects,
            RunRepository runs,
            DetectionConfig detection) {
        this.alerts = alerts;
        this.measurements = measurements;
        this.projects = projects;
        this.runs = runs;
        this.detection = detection;
    }

    private static final Set<String> METHODS = Set.of("step", "creep", "shift");

    /** What became of one alert: removed, or its change as the remaining series shows it. */
    private record Outcome(Alert alert, List<WindowPoint> rest, Rederive.Rederived rederived) {}

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
        List<Outcome> outcomes = new ArrayList<>();
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
                outcomes.add(new Outcome(a, rest, found.orElse(null)));
            }
        });
        apply(outcomes, bySeries);
    }

    /** Removes what went, then moves what stays; a change already recorded at its new culprit keeps that record. */
    private void apply(List<Outcome> outcomes, Map<SeriesKey, List<Alert>> bySeries) {
        Set<List<Object>> held = new HashSet<>();
        bySeries.values()
                .forEach(list -> list.stream()
                        .filter(a -> outcomes.stream().noneMatch(o -> o.alert() == a))
                        .forEach(a -> held.add(claim(a, a.culpritRunId))));
        List<Outcome> moving = new ArrayList<>();
        List<Alert> removing = new ArrayList<>();
        List<Outcome> ordered = new ArrayList<>(outcomes);
        // A change still at its own culprit is the record kept when another one moves onto it.
        ordered.sort(Comparator.comparing(o -> !Objects.equals(newCulprit(o), o.alert().culpritRunId)));
        for (Outcome o : ordered) {
            Long culprit = newCulprit(o);
            if (o.rederived() == null || (culprit != null && !held.add(claim(o.alert(), culprit)))) {
                removing.add(o.alert());
            } else {
                moving.add(o);
            }
        }
        Instant now = Instant.now();
        Set<Long> gone = new HashSet<>();
        removing.forEach(a -> gone.add(a.id));
        removing.forEach(a -> fixesOf(a, null, gone, now));
        removing.forEach(alerts::delete);
        alerts.flush(); // removed before any moves onto a culprit they held
        Set<Long> named = new HashSet<>();
        moving.forEach(o -> o.rest().forEach(p -> named.add(p.runId())));
        Map<Long, String> commits = runs.commitsOf(named);
        for (Outcome o : moving) {
            String was = fixingCommit(o.alert());
            move(o, commits, now);
            if (!was.equals(fixingCommit(o.alert()))) {
                fixesOf(o.alert(), was, gone, now);
            }
        }
        alerts.flush();
    }

    /**
     * The regressions a change marked fixed follow it: to its new commit when it moved
     * ({@code was} its commit before), open again when it went with the run ({@code was} null).
     */
    private void fixesOf(Alert change, String was, Set<Long> gone, Instant now) {
        String from = was == null ? fixingCommit(change) : was;
        for (Alert regression : alerts.fixedFrom(change, AlertService.fixedFrom(from))) {
            if (gone.contains(regression.id)) {
                continue;
            }
            if (was == null) {
                regression.status = AlertStatus.OPEN.wire();
                regression.note = "Open again: the change back (commit " + from + ") was deleted";
            } else {
                regression.note = regression.note.replace(
                        AlertService.fixedFrom(was), AlertService.fixedFrom(fixingCommit(change)));
            }
            regression.updatedAt = now;
        }
    }

    /** The commit a fix by this change names (see {@link AlertService}). */
    private static String fixingCommit(Alert change) {
        return change.culpritCommit != null ? change.culpritCommit : change.detectedCommit;
    }

    private void move(Outcome o, Map<Long, String> commits, Instant now) {
        Alert a = o.alert();
        Change change = o.rederived().change();
        List<WindowPoint> rest = o.rest();
        a.before = change.before();
        a.after = change.after();
        a.delta = change.after() - change.before();
        a.deltaPercent = change.before() == 0 ? null : Math.round(a.delta / Math.abs(change.before()) * 10_000) / 100.0;
        a.suspects = change.suspects().stream()
                .map(i -> commits.get(rest.get(i).runId()))
                .toList();
        Long culprit = newCulprit(o);
        if (culprit != null && !culprit.equals(a.culpritRunId)) {
            a.explanations = change.culprit() > 0
                    ? explain(rest.get(change.culprit() - 1).runId(), culprit)
                    : List.of();
        }
        a.culpritRunId = culprit;
        a.culpritCommit = culprit == null ? null : commits.get(culprit);
        WindowPoint detected = rest.get(o.rederived().detected());
        a.detectedRunId = detected.runId();
        a.detectedCommit = commits.get(detected.runId());
        a.updatedAt = now;
    }

    private List<String> explain(long before, long after) {
        Map<Long, Run> both = runs.byIds(List.of(before, after));
        if (both.size() < 2) {
            return List.of();
        }
        return both.get(before).environment().explain(both.get(after).environment());
    }

    private static Long newCulprit(Outcome o) {
        if (o.rederived() == null || o.rederived().change().culprit() < 0) {
            return null;
        }
        return o.rest().get(o.rederived().change().culprit()).runId();
    }

    /** What may be recorded once per series: one change of a method at one culprit. */
    private static List<Object> claim(Alert a, Long culprit) {
        return culprit == null ? List.of(a.id) : List.of(a.seriesKey(), a.method, culprit);
    }

    private static Rederive.Recorded recorded(Alert a, List<WindowPoint> points, Map<Long, String> commits) {
        List<Integer> suspects = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (a.suspects.contains(commits.get(points.get(i).runId()))) {
                suspects.add(i);
            }
        }
        return new Rederive.Recorded(
                Change.Method.valueOf(a.method.toUpperCase()),
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
