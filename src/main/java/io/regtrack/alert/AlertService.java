package io.regtrack.alert;

import io.regtrack.changepoint.Change;
import io.regtrack.changepoint.ChangeFinder;
import io.regtrack.changepoint.ShiftDetector;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.BuildKey;
import io.regtrack.run.Measurement;
import io.regtrack.run.MeasurementRepository;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.run.WindowPoint;
import io.regtrack.verdict.Judgement;
import io.regtrack.verdict.Kinds;
import io.regtrack.verdict.SeriesKey;
import io.regtrack.verdict.Thresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Finds the changes an upload brings to its branch's series and records each as an alert: on a
 * tracked branch (the default branch, or one named {@code release/…} or {@code release-…}), for
 * every series whose newest point is this run, one statement reads the series' windows, the pure
 * {@link ChangeFinder} decides on the newest point, and each change is stored with its culprit,
 * levels and direction. A regression is marked fixed when a later change brings its level back.
 * The caller owns the transaction.
 */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final MeasurementRepository measurements;
    private final ProjectService projects;
    private final RunRepository runs;
    private final DetectionConfig detection;

    private final Event<AlertEvent> events;

    AlertService(
            AlertRepository alerts,
            MeasurementRepository measurements,
            ProjectService projects,
            RunRepository runs,
            DetectionConfig detection,
            Event<AlertEvent> events) {
        this.events = events;
        this.detection = detection;
        this.runs = runs;
        this.alerts = alerts;
        this.measurements = measurements;
        this.projects = projects;
    }

    public static boolean tracked(Project project, String branch) {
        return branch.equals(project.defaultBranch) || branch.startsWith("release/") || branch.startsWith("release-");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onUpload(Project project, Run run, List<Measurement> rows, Judgement judgement) {
        if (!tracked(project, run.branch) || rows.isEmpty()) {
            return;
        }
        runs.lock("alerts " + project.id + " " + run.branch + " " + run.target + " " + run.profileName);
        Map<SeriesKey, List<WindowPoint>> windows = measurements.windows(
                run, rows.stream().map(Measurement::seriesKey).toList(), detection.window(), true);
        Set<Long> windowRuns = new HashSet<>();
        windows.values().forEach(points -> points.forEach(p -> windowRuns.add(p.runId())));
        Map<SeriesKey, List<Alert>> known = new HashMap<>();
        Map<SeriesKey, List<Alert>> live = new HashMap<>();
        for (Alert a : alerts.liveOrOfRuns(project.id, run.branch, BuildKey.of(run), windowRuns)) {
            if (a.culpritRunId != null && windowRuns.contains(a.culpritRunId)) {
                known.computeIfAbsent(a.seriesKey(), k -> new ArrayList<>()).add(a);
            }
            if (AlertStatus.isLive(a.status)) {
                live.computeIfAbsent(a.seriesKey(), k -> new ArrayList<>()).add(a);
            }
        }
        Thresholds thresholds = projects.thresholds(project);
        Release release = Release.of(judgement, runs);
        Map<SeriesKey, Double> releaseValues = new HashMap<>();
        judgement.verdicts().stream()
                .filter(v -> v.baseline() != null)
                .forEach(v -> releaseValues.put(new SeriesKey(v.kind(), v.name()), v.baseline()));
        List<Found> found = new ArrayList<>();
        for (Measurement m : rows) {
            List<WindowPoint> window = windows.getOrDefault(m.seriesKey(), List.of());
            if (window.isEmpty() || window.get(window.size() - 1).runId() != run.id) {
                continue; // an upload older than the branch's newest point: its series moved on already
            }
            List<Alert> ofSeries = known.getOrDefault(m.seriesKey(), List.of());
            detect(m, window, ofSeries, thresholds, release, releaseValues.get(m.seriesKey()))
                    .filter(change -> isNew(change, window, ofSeries))
                    .ifPresent(change -> found.add(new Found(m, window, change)));
        }
        record(project, run, release, found, live, thresholds);
    }

    private Optional<Change> detect(
            Measurement m,
            List<WindowPoint> window,
            List<Alert> ofSeries,
            Thresholds thresholds,
            Release release,
            Double releaseValue) {
        double[] values = window.stream().mapToDouble(WindowPoint::center).toArray();
        if (Kinds.exact(m.kind, m.unit)) {
            DoubleUnaryOperator allowance = allowance(m.kind, m.name, thresholds);
            Optional<Change> step = ChangeFinder.step(values, allowance);
            if (step.isPresent() || release == null || releaseValue == null) {
                return step;
            }
            return ChangeFinder.creep(values, release.lastIndexIn(window) + 1, releaseValue, allowance);
        }
        ShiftDetector detector =
                detection.detector(thresholds.runtimeFor(m.name).minEffectPercent() / 100);
        return ChangeFinder.shift(values, levelStart(window, ofSeries), detector);
    }

    /** The current level starts at the newest shift already recorded in the window. */
    private static int levelStart(List<WindowPoint> window, List<Alert> ofSeries) {
        int start = 0;
        for (int i = 0; i < window.size(); i++) {
            long runId = window.get(i).runId();
            if (ofSeries.stream().anyMatch(a -> a.culpritRunId != null && a.culpritRunId == runId)) {
                start = i;
            }
        }
        return start;
    }

    private static boolean isNew(Change change, List<WindowPoint> window, List<Alert> ofSeries) {
        if (change.culprit() < 0) {
            return true;
        }
        long culprit = window.get(change.culprit()).runId();
        String method = change.method().name().toLowerCase();
        return ofSeries.stream()
                .noneMatch(a -> a.culpritRunId != null && a.culpritRunId == culprit && a.method.equals(method));
    }

    private void record(
            Project project,
            Run run,
            Release release,
            List<Found> found,
            Map<SeriesKey, List<Alert>> live,
            Thresholds thresholds) {
        if (found.isEmpty()) {
            return;
        }
        Set<Long> named = new HashSet<>();
        found.forEach(f ->
                f.change().suspects().forEach(i -> named.add(f.window().get(i).runId())));
        Map<Long, String> commits = runs.commitsOf(named);
        Explanations explanations = new Explanations(runs);
        Instant now = Instant.now();
        for (Found f : found) {
            Change change = f.change();
            Alert alert = new Alert();
            alert.projectId = project.id;
            alert.branch = run.branch;
            alert.kind = f.measurement().kind;
            alert.name = f.measurement().name;
            alert.unit = f.measurement().unit;
            alert.target = run.target;
            alert.profileName = run.profileName;
            alert.direction = Direction.of(Kinds.worse(alert.kind, change.before(), change.after()))
                    .wire();
            alert.method = change.method().name().toLowerCase();
            alert.status = AlertStatus.OPEN.wire();
            alert.before = change.before();
            alert.after = change.after();
            alert.delta = change.after() - change.before();
            alert.deltaPercent =
                    change.before() == 0 ? null : Math.round(alert.delta / Math.abs(change.before()) * 10_000) / 100.0;
            alert.suspects = change.suspects().stream()
                    .map(i -> commits.get(f.window().get(i).runId()))
                    .toList();
            if (change.culprit() >= 0) {
                alert.culpritRunId = f.window().get(change.culprit()).runId();
                alert.culpritCommit = commits.get(alert.culpritRunId);
                alert.explanations = change.culprit() > 0
                        ? explanations.between(
                                f.window().get(change.culprit() - 1).runId(), alert.culpritRunId)
                        : List.of();
            }
            alert.detectedRunId = run.id;
            alert.detectedCommit = run.commitSha;
            if (release != null) {
                alert.releaseRunId = release.runId();
                alert.releaseTag = release.tag();
            }
            alert.openedAt = now;
            alert.updatedAt = now;
            alerts.persist(alert);
            events.fire(new AlertEvent(AlertEvent.OPENED, project, AlertView.of(alert)));
            fix(project, live.getOrDefault(alert.seriesKey(), List.of()), alert, thresholds, now);
        }
    }

    /**
     * A change that brings a series back to where a live regression started fixes it: to within the
     * size allowance for exact series, within the minimum effect for noisy ones.
     */
    private void fix(Project project, List<Alert> liveOfSeries, Alert change, Thresholds thresholds, Instant now) {
        double sign = Kinds.biggerIsBetter(change.kind) ? -1 : 1; // "worse" is up, or down for throughput
        for (Alert regression : liveOfSeries) {
            if (!Direction.isRegression(regression.direction) || sign * change.after >= sign * regression.after) {
                continue;
            }
            double tolerance = Kinds.exact(change.kind, change.unit)
                    ? allowance(change.kind, change.name, thresholds).applyAsDouble(regression.before)
                    : Math.abs(regression.before)
                            * thresholds.runtimeFor(change.name).minEffectPercent()
                            / 100;
            if (sign * change.after <= sign * regression.before + tolerance) {
                regression.status = AlertStatus.FIXED.wire();
                regression.note = "Fixed: back to " + format(change.after)
                        + fixedFrom(change.culpritCommit != null ? change.culpritCommit : change.detectedCommit);
                regression.updatedAt = now;
                events.fire(new AlertEvent(AlertEvent.FIXED, project, AlertView.of(regression)));
            }
        }
    }

    /** How a fix's note ends: the commit of the change that brought the series back. */
    static String fixedFrom(String commit) {
        return " from commit " + commit;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.format("%,d", (long) value) : String.format("%.4g", value);
    }

    /** How far an exact series may move without a step: the size rule, or its percentage for counts. */
    static DoubleUnaryOperator allowance(String kind, String name, Thresholds thresholds) {
        Thresholds.Size rule = thresholds.sizeFor(name);
        return Kinds.SIZE.equals(kind) ? rule::allowance : rule::countAllowance;
    }

    private record Found(Measurement measurement, List<WindowPoint> window, Change change) {}

    /** The release the run is judged against, and when its commit was made. */
    private record Release(String tag, long runId, Instant committedAt) {

        static Release of(Judgement judgement, RunRepository runs) {
            if (judgement.baseline() == null || judgement.baseline().tag() == null) {
                return null;
            }
            return runs.findByIdOptional(judgement.baseline().runId())
                    .map(r -> new Release(judgement.baseline().tag(), r.id, r.committedAt))
                    .orElse(null);
        }

        /** The newest point of the window made at or before the release, or -1. */
        int lastIndexIn(List<WindowPoint> window) {
            int last = -1;
            for (int i = 0; i < window.size(); i++) {
                if (!window.get(i).committedAt().isAfter(committedAt)) {
                    last = i;
                }
            }
            return last;
        }
    }

    /** What changed in the environment from one run to the next, each pair read once. */
    private static final class Explanations {
        private final RunRepository runs;
        private final Map<List<Long>, List<String>> cache = new HashMap<>();

        Explanations(RunRepository runs) {
            this.runs = runs;
        }

        List<String> between(long before, long after) {
            return cache.computeIfAbsent(List.of(before, after), pair -> {
                Optional<Run> a = runs.findByIdOptional(before);
                Optional<Run> b = runs.findByIdOptional(after);
                if (a.isEmpty() || b.isEmpty()) {
                    return List.of();
                }
                return a.get().environment().explain(b.get().environment());
            });
        }
    }
}
