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
}
