package io.regtrack.alert;

import io.regtrack.changepoint.Change;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.run.WindowPoint;
import io.regtrack.verdict.SeriesKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes what re-deriving alerts decided: removes the alerts whose change went with a deleted run
 * (a regression they had fixed is open again), and moves the others to the culprit, levels and
 * detection the remaining history shows (a regression they had fixed names their new commit).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class RederivedAlerts {

    private final AlertRepository alerts;
    private final RunRepository runs;

    RederivedAlerts(AlertRepository alerts, RunRepository runs) {
        this.alerts = alerts;
        this.runs = runs;
    }

    /** Removes what went, then moves what stays; a change already recorded at its new culprit keeps that record. */
    void apply(List<AlertOutcome> outcomes, Map<SeriesKey, List<Alert>> bySeries) {
        Set<List<Object>> held = new HashSet<>();
        bySeries.values()
                .forEach(list -> list.stream()
                        .filter(a -> outcomes.stream().noneMatch(o -> o.alert() == a))
                        .forEach(a -> held.add(claim(a, a.culpritRunId))));
        List<AlertOutcome> moving = new ArrayList<>();
        List<Alert> removing = new ArrayList<>();
        List<AlertOutcome> ordered = new ArrayList<>(outcomes);
        // A change still at its own culprit is the record kept when another one moves onto it.
        ordered.sort(Comparator.comparing(o -> !Objects.equals(o.newCulprit(), o.alert().culpritRunId)));
        for (AlertOutcome o : ordered) {
            Long culprit = o.newCulprit();
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
        for (AlertOutcome o : moving) {
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

    private void move(AlertOutcome o, Map<Long, String> commits, Instant now) {
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
        Long culprit = o.newCulprit();
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

    /** What may be recorded once per series: one change of a method at one culprit. */
    private static List<Object> claim(Alert a, Long culprit) {
        return culprit == null ? List.of(a.id) : List.of(a.seriesKey(), a.method, culprit);
    }
}
