package io.regtrack.imports;

import io.regtrack.results.Measure;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One run read from a history file: one commit's measurements from one suite (github-action-benchmark) or one report
 * (Bencher), with what the file says about the commit.
 *
 * @param place where in the file the run comes from, a JSON pointer such as {@code /entries/Benchmark/3}
 * @param key the run's idempotency key: the same file imported again names the same runs
 * @param commit the full commit SHA, as the file spells it
 * @param branch the branch the file names, or null for the project's default branch
 * @param committedAt the commit's time, or the time it was measured when the file has no commit time
 * @param message the commit message, or null
 * @param author the commit's author, or null
 * @param measures the measurements, at least one, each (kind, name) once
 */
public record ImportedRun(
        String place,
        String key,
        String commit,
        String branch,
        OffsetDateTime committedAt,
        String message,
        String author,
        List<Measure> measures) {

    /** The longest idempotency key a run upload takes. */
    public static final int MAX_KEY = 200;

    public ImportedRun {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(committedAt, "committedAt");
        measures = List.copyOf(measures);
        if (measures.isEmpty()) {
            throw new IllegalArgumentException("a run needs a measure");
        }
        if (key.length() > MAX_KEY) {
            throw new IllegalArgumentException("an idempotency key is at most " + MAX_KEY + " characters");
        }
    }
}
