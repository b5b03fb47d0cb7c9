package io.regtrack.imports;

import java.util.List;

/**
 * What a history file holds: the runs to import, oldest first, and what was left out.
 *
 * @param runs the runs, ordered by when they were measured, so that changes are found in history order
 * @param skipped what is not imported, in the order it was met
 */
public record History(List<ImportedRun> runs, List<Skipped> skipped) {

    public History {
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
    }
}
