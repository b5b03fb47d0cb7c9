package io.regtrack.verdict;

import java.util.Comparator;
import java.util.List;

/** Builds comparisons from measurements; pure, no framework. */
public final class Comparisons {

    private Comparisons() {
    }

    /** A run with no baseline to judge against: every measurement is {@code new}. */
    public static Comparison withoutBaseline(long runId, String commit, String branch, List<Measured> measured,
            String url) {
        List<Measured> ordered = measured.stream()
                .sorted(Comparator.comparing(Measured::kind).thenComparing(Measured::name))
                .toList();
        List<Verdict> verdicts = ordered.stream()
                .map(m -> Verdict.fresh(m.kind(), m.name(), m.unit(), m.center()))
                .toList();
        String markdown = ComparisonMarkdown.withoutBaseline(runId, commit, branch, ordered, url);
        return new Comparison(runId, commit, branch, null, Comparison.NO_BASELINE, verdicts, List.of(), List.of(),
                markdown, url);
    }
}
