package io.regtrack.verdict;

import java.util.List;

/**
 * A run judged against a baseline: one verdict per measurement, what changed in the environment,
 * warnings (such as a build that did not reproduce) and Markdown ready for a pull request.
 * {@code status} is the worst verdict ({@code regressed} > {@code noisy} > {@code improved} >
 * {@code unchanged}), or {@code no-baseline} when there is nothing to compare with.
 */
public record Comparison(
        long runId,
        String commit,
        String branch,
        BaselineRef baseline,
        String status,
        List<Verdict> verdicts,
        List<SettingChange> profileChanges,
        List<SettingChange> toolchainChanges,
        List<SettingChange> runnerChanges,
        List<String> warnings,
        String markdown,
        String url) {

    /** The run judged against: a release (with its tag), or any other run (tag null). */
    public record BaselineRef(String tag, String commit, long runId) {}

    /** One setting that differs between baseline and run, e.g. {@code lto: fat → false}. */
    public record SettingChange(String setting, String baseline, String current) {}

    public static final String NO_BASELINE = "no-baseline";
}
