package io.regtrack.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import io.regtrack.verdict.Environment;
import io.regtrack.verdict.Judgement;
import io.regtrack.verdict.Measured;
import io.regtrack.verdict.SeriesKey;
import io.regtrack.verdict.Thresholds;
import io.regtrack.verdict.Verdict;
import io.regtrack.verdict.VerdictStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final String COMMIT = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private static final String BASE = "0123456789abcdef0123456789abcdef01234567";
    private static final Environment ENV = new Environment(
            Map.of("opt-level", "z", "lto", "fat"),
            Map.of("rustc", "1.94.0", "target", "x86_64-unknown-linux-gnu"),
            Map.of("os", "ubuntu-24.04"));

    /** A run to judge: what the answer names, and what is judged. */
    private record Subject(
            long runId, String commit, String branch, String url, List<Measured> measured, Environment environment) {}

    private static Subject run(List<Measured> measured, Environment env) {
        return new Subject(17, COMMIT, "main", "http://x/projects/p/runs/17", measured, env);
    }

    private static Judgement.Base release(List<Measured> measured, Environment env) {
        return new Judgement.Base(new Judgement.BaselineRef("v1.3.0", BASE, 9), measured, env);
    }

    private static Comparison compare(
            Subject run,
            Judgement.Base base,
            Thresholds thresholds,
            Map<SeriesKey, List<Double>> histories,
            List<String> warnings) {
        return Comparison.of(
                new Comparison.Subject(run.runId(), run.commit(), run.branch(), run.url()),
                Judgement.of(run.measured(), run.environment(), base, thresholds, histories, warnings));
    }

    @Test
    void withoutABaselineEveryMeasurementIsNew() {
        Comparison c = compare(
                run(
                        List.of(
                                Measured.value("size", "myapp", "bytes", 303552),
                                new Measured("runtime", "startup", "seconds", 0.00081, new double[] {
                                    0.00081, 0.00079, 0.00083
                                })),
                        ENV),
                null,
                Thresholds.DEFAULT,
                Map.of(),
                List.of());
        assertThat(c.status()).isEqualTo("no-baseline");
        assertThat(c.baseline()).isNull();
        assertThat(c.verdicts()).extracting(Verdict::status).containsOnly(VerdictStatus.NEW);
        assertThat(c.verdicts()).extracting(Verdict::name).containsExactly("startup", "myapp");
        assertThat(c.markdown())
                .contains("`9fceb02d0a`")
                .contains("| 🆕 new | size | myapp | — | 296.4 KiB (303,552 B) |")
                .contains("[Run 17](http://x/projects/p/runs/17)");
    }

    @Test
    void aProfileChangeExplainsASizeRegression() {
        Environment after = new Environment(
                Map.of("opt-level", "3", "lto", "fat"),
                Map.of("rustc", "1.95.0", "target", "x86_64-unknown-linux-gnu"),
                Map.of("os", "ubuntu-24.04"));
        Comparison c = compare(
                run(List.of(Measured.value("size", "myapp", "bytes", 303552 + 20000)), after),
                release(List.of(Measured.value("size", "myapp", "bytes", 288656)), ENV),
                Thresholds.DEFAULT,
                Map.of(),
                List.of());
        assertThat(c.status()).isEqualTo("regressed");
        assertThat(c.baseline()).isEqualTo(new Judgement.BaselineRef("v1.3.0", BASE, 9));
        Verdict v = c.verdicts().get(0);
        assertThat(v.delta()).isEqualTo(34896.0);
        assertThat(v.deltaPercent()).isEqualTo(12.09);
        assertThat(v.explanations()).containsExactly("opt-level: z → 3", "rustc: 1.94.0 → 1.95.0");
        assertThat(v.why()).isEqualTo("opt-level: z → 3, rustc: 1.94.0 → 1.95.0");
        assertThat(c.profileChanges()).containsExactly(new Judgement.SettingChange("opt-level", "z", "3"));
        assertThat(c.toolchainChanges()).containsExactly(new Judgement.SettingChange("rustc", "1.94.0", "1.95.0"));
        assertThat(c.markdown())
                .contains("🔴 1 regression against v1.3.0")
                .contains("**Profile changed:** `opt-level: z → 3`")
                .contains("| 🔴 regressed | size | myapp | 281.9 KiB (288,656 B) | 316.0 KiB (323,552 B) | "
                        + "+34.1 KiB (+34,896 B) | +12.09 % | opt-level: z → 3, rustc: 1.94.0 → 1.95.0 |");
    }

    @Test
    void newMissingAndUnchangedMeasurementsAreReportedAndFolded() {
        Comparison c = compare(
                run(
                        List.of(
                                Measured.value("size", "kept", "bytes", 1000),
                                Measured.value("size", "added", "bytes", 5)),
                        ENV),
                release(
                        List.of(
                                Measured.value("size", "kept", "bytes", 1000),
                                Measured.value("size", "gone", "bytes", 7)),
                        ENV),
                Thresholds.DEFAULT,
                Map.of(),
                List.of("Non-reproducible build: kept"));
        assertThat(c.verdicts())
                .extracting(Verdict::name, Verdict::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gone", VerdictStatus.MISSING),
                        org.assertj.core.groups.Tuple.tuple("added", VerdictStatus.NEW),
                        org.assertj.core.groups.Tuple.tuple("kept", VerdictStatus.UNCHANGED));
        assertThat(c.status()).isEqualTo("unchanged");
        assertThat(c.markdown())
                .contains("<details><summary>1 unchanged</summary>")
                .contains("⚪ missing")
                .contains("> ⚠️ Non-reproducible build: kept")
                .contains("✅ no significant change against v1.3.0");
        assertThat(c.markdown().indexOf("missing")).isLessThan(c.markdown().indexOf("<details>"));
    }

    @Test
    void theRunStatusIsTheWorstVerdict() {
        List<Measured> before = List.of(
                Measured.value("size", "a", "bytes", 100_000),
                Measured.value("size", "b", "bytes", 100_000),
                runtime("t", 1.0));
        List<Measured> after = List.of(
                Measured.value("size", "a", "bytes", 40_000),
                Measured.value("size", "b", "bytes", 100_000),
                runtime("t", 1.6, 0.9));
        Comparison c = compare(run(after, ENV), release(before, ENV), Thresholds.DEFAULT, Map.of(), List.of());
        assertThat(c.verdicts())
                .extracting(Verdict::status)
                .containsExactly(VerdictStatus.NOISY, VerdictStatus.IMPROVED, VerdictStatus.UNCHANGED);
        assertThat(c.verdicts())
                .extracting(Verdict::why)
                .containsExactly("the samples do not support the move (p = 1.0, needs < 0.01)", "code change", "");
        assertThat(c.status()).isEqualTo("noisy");
    }

    private static Measured runtime(String name, double... around) {
        double[] samples = new double[10];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = around[i % around.length] + i * 1e-3;
        }
        return new Measured(
                "runtime",
                name,
                "seconds",
                new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(samples),
                samples);
    }

    @Test
    void namesAreShownAsTextNotMarkup() {
        Comparison c = compare(
                new Subject(
                        1,
                        COMMIT,
                        "feat/<b>",
                        "u",
                        List.of(Measured.value("size", "<img src=x onerror=alert(1)>|`x`*", "bytes", 1)),
                        ENV),
                null,
                Thresholds.DEFAULT,
                Map.of(),
                List.of());
        assertThat(c.markdown())
                .contains("&lt;img src=x onerror=alert(1)&gt;\\|\\`x\\`\\*")
                .doesNotContain("<img")
                .contains("feat/&lt;b&gt;");
    }

    @Test
    void uploadedTextCannotMentionLinkOrEmbedAnything() {
        Comparison c = compare(
                new Subject(
                        1,
                        COMMIT,
                        "fork/@octocat",
                        "u",
                        List.of(
                                Measured.value(
                                        "size",
                                        "@octocat see https://evil.example/x and www.evil.example #12",
                                        "bytes",
                                        1),
                                Measured.value(
                                        "startup", "t", "1 <img src=x onerror=alert(1)> ![x](http://e/i.png)", 2)),
                        ENV),
                null,
                Thresholds.DEFAULT,
                Map.of(),
                List.of("[click](javascript:alert(1)) @admin"));
        String md = c.markdown();
        assertThat(md)
                .doesNotContain("<img")
                .doesNotContain("@octocat")
                .doesNotContain("@admin")
                .doesNotContain("https://")
                .doesNotContain("http://e")
                .doesNotContain("www.evil")
                .doesNotContain("#12")
                .contains("@\u200boctocat see https:\u200b//evil.example/x and www\u200b.evil.example \\#\u200b12")
                .contains("2 1 &lt;img src=x onerror=alert(1)&gt; \\!\\[x\\](http:\u200b//e/i.png)")
                .contains("\\[click\\](javascript:alert(1)) @\u200badmin");
    }
}
