package io.regtrack.series;

import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says what changed in the build between neighbouring points of a series (effective profile
 * settings, toolchain), reading the runs of every change at once.
 */
@ApplicationScoped
class BuildChanges {

    /** Two neighbouring runs of a series whose build fingerprints differ. */
    record Step(long before, long after) {}

    private final RunRepository runs;

    BuildChanges(RunRepository runs) {
        this.runs = runs;
    }

    /** Where the fingerprint changed from one point to the next (the first point is no change). */
    static List<Step> steps(List<SeriesRepository.Point> points, int limit) {
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i < points.size() && steps.size() < limit; i++) {
            if (points.get(i).environmentChanged()) {
                steps.add(new Step(points.get(i - 1).runId(), points.get(i).runId()));
            }
        }
        return steps;
    }

    /** What each step changed, in words ({@code lto: fat → false}); steps that changed nothing said are left out. */
    Map<Step, Explained> explain(List<Step> steps) {
        Map<Step, Explained> explained = new LinkedHashMap<>();
        if (steps.isEmpty()) {
            return explained;
        }
        Set<Long> ids = new HashSet<>();
        steps.forEach(s -> {
            ids.add(s.before());
            ids.add(s.after());
        });
        Map<Long, Run> byId = runs.byIds(ids);
        for (Step step : steps) {
            Run after = byId.get(step.after());
            List<String> changes = byId.get(step.before()).environment().explain(after.environment());
            if (!changes.isEmpty()) {
                explained.put(step, new Explained(after, changes));
            }
        }
        return explained;
    }

    /** The run after a change and what changed. */
    record Explained(Run after, List<String> changes) {}
}
