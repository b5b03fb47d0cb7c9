package io.regtrack.alert;

import io.regtrack.changepoint.Rederive;
import io.regtrack.run.WindowPoint;
import java.util.List;

/**
 * What became of one alert when a run of its series is deleted: removed ({@code rederived} null),
 * or its change as the remaining series ({@code rest}) shows it.
 */
record AlertOutcome(Alert alert, List<WindowPoint> rest, Rederive.Rederived rederived) {

    /** The run of its new culprit; null when removed or when it has none (a creep). */
    Long newCulprit() {
        if (rederived == null || rederived.change().culprit() < 0) {
            return null;
        }
        return rest.get(rederived.change().culprit()).runId();
    }
}
