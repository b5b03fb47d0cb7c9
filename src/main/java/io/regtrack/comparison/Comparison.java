package io.regtrack.comparison;

import io.regtrack.verdict.Judgement;
import io.regtrack.verdict.Verdict;
import java.util.List;

/**
 * The API's answer for a run judged against a baseline: the run, its {@link Judgement}, Markdown
 * ready for a pull request, and the run's page. Only the answer: the pure result is the judgement,
 * and what an upload stored is the answer it was sent, replayed as it was.
 */
public record Comparison(
        long runId,
        String commit,
        String branch,
        Judgement.BaselineRef baseline,
        String status,
        List<Verdict> verdicts,
        List<Judgement.SettingChange> profileChanges,
        List<Judgement.SettingChange> toolchainChanges,
        List<Judgement.SettingChange> runnerChanges,
        List<String> warnings,
        String markdown,
        String url) {

    /** The run being answered for. */
    public record Subject(long runId, String commit, String branch, String url) {}

    public static Comparison of(Subject run, Judgement j) {
        return new Comparison(
                run.runId(),
                run.commit(),
                run.branch(),
                j.baseline(),
                j.status(),
                j.verdicts(),
                j.profileChanges(),
                j.toolchainChanges(),
                j.runnerChanges(),
                j.warnings(),
                ComparisonMarkdown.render(run, j),
                run.url());
    }

    /**
     * The same comparison with its verdicts of one kind (or all) whose name contains {@code name}
     * (any case; or all), the largest relative change first; measurements on one side only last.
     */
    public static Comparison largestChangesFirst(Comparison c, String kind, String name) {
        String needle = name == null ? null : name.toLowerCase(java.util.Locale.ROOT);
        List<Verdict> shown = c.verdicts().stream()
                .filter(v -> kind == null || kind.equals(v.kind()))
                .filter(v -> needle == null
                        || v.name().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .sorted(java.util.Comparator.comparingDouble(
                                (Verdict v) -> v.deltaPercent() == null ? -1 : Math.abs(v.deltaPercent()))
                        .reversed()
                        .thenComparing(Verdict::status)
                        .thenComparing(Verdict::kind)
                        .thenComparing(Verdict::name))
                .toList();
        return new Comparison(
                c.runId(),
                c.commit(),
                c.branch(),
                c.baseline(),
                c.status(),
                shown,
                c.profileChanges(),
                c.toolchainChanges(),
                c.runnerChanges(),
                c.warnings(),
                c.markdown(),
                c.url());
    }
}
