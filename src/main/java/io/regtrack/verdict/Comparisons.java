package io.regtrack.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a run's comparison from its measurements and its baseline's; pure, no framework. */
public final class Comparisons {

    private Comparisons() {}

    /** The run being judged. */
    public record Subject(
            long runId, String commit, String branch, String url, List<Measured> measured, Environment environment) {}

    /** What it is judged against. */
    public record Base(String tag, String commit, long runId, List<Measured> measured, Environment environment) {}

    /**
     * @param base      null when there is nothing to compare with
     * @param histories recent central values of each measurement's series, oldest first, by
     *                  {@link Measured#key()}
     */
    public static Comparison compare(
            Subject run, Base base, Thresholds thresholds, Map<String, List<Double>> histories, List<String> warnings) {
        if (base == null) {
            List<Verdict> verdicts = ordered(run.measured()).stream()
                    .map(m -> Verdict.added(m, List.of()))
                    .toList();
            return finish(run, null, Comparison.NO_BASELINE, verdicts, List.of(), List.of(), List.of(), warnings);
        }
        Environment before = base.environment();
        Environment after = run.environment();
        List<String> explanations = before.explain(after);
        Map<String, Measured> baseline = new LinkedHashMap<>();
        base.measured().forEach(m -> baseline.put(m.key(), m));
        List<Verdict> verdicts = new ArrayList<>();
        for (Measured current : ordered(run.measured())) {
            Measured was = baseline.remove(current.key());
            verdicts.add(
                    was == null
                            ? Verdict.added(current, explanations)
                            : Judge.judge(
                                    was,
                                    current,
                                    thresholds,
                                    histories.getOrDefault(current.key(), List.of()),
                                    explanations));
        }
        for (Measured gone : ordered(List.copyOf(baseline.values()))) {
            verdicts.add(Verdict.missing(gone, explanations));
        }
        String status = VerdictStatus.worst(
                        verdicts.stream().map(Verdict::status).toList())
                .wire();
        return finish(
                run,
                new Comparison.BaselineRef(base.tag(), base.commit(), base.runId()),
                status,
                verdicts,
                before.profileChanges(after),
                before.toolchainChanges(after),
                before.runnerChanges(after),
                warnings);
    }

    private static Comparison finish(
            Subject run,
            Comparison.BaselineRef baseline,
            String status,
            List<Verdict> verdicts,
            List<Comparison.SettingChange> profile,
            List<Comparison.SettingChange> toolchain,
            List<Comparison.SettingChange> runner,
            List<String> warnings) {
        Comparison draft = new Comparison(
                run.runId(),
                run.commit(),
                run.branch(),
                baseline,
                status,
                verdicts,
                profile,
                toolchain,
                runner,
                List.copyOf(warnings),
                null,
                run.url());
        return new Comparison(
                draft.runId(),
                draft.commit(),
                draft.branch(),
                baseline,
                status,
                verdicts,
                profile,
                toolchain,
                runner,
                draft.warnings(),
                ComparisonMarkdown.render(draft),
                run.url());
    }

    private static List<Measured> ordered(List<Measured> measured) {
        return measured.stream()
                .sorted(Comparator.comparing(Measured::kind).thenComparing(Measured::name))
                .toList();
    }
}
