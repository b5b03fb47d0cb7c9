package io.regtrack.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

    private static final String COMMIT = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    @Test
    void withoutABaselineEveryMeasurementIsNew() {
        Comparison c = Comparisons.withoutBaseline(17, COMMIT, "main", List.of(
                new Measured("size", "myapp", "bytes", 303552, 1),
                new Measured("runtime", "startup", "seconds", 0.00081, 3)), "http://x/projects/p/runs/17");
        assertThat(c.status()).isEqualTo("no-baseline");
        assertThat(c.baseline()).isNull();
        assertThat(c.verdicts()).extracting(Verdict::status).containsOnly("new");
        assertThat(c.verdicts()).extracting(Verdict::name).containsExactly("startup", "myapp");
        assertThat(c.verdicts().get(1).current()).isEqualTo(303552.0);
        assertThat(c.markdown())
                .contains("`9fceb02d0a`")
                .contains("| 🆕 new | size | myapp | 296.4 KiB (303,552 B) |")
                .contains("810.00 µs (median of 3)")
                .contains("[Run 17](http://x/projects/p/runs/17)");
    }

    @Test
    void anEmptyRunStillHasATable() {
        Comparison c = Comparisons.withoutBaseline(1, COMMIT, "main", List.of(), "u");
        assertThat(c.verdicts()).isEmpty();
        assertThat(c.markdown()).contains("| | Kind | Name | Current |");
    }

    @Test
    void namesAreShownAsTextNotMarkup() {
        Comparison c = Comparisons.withoutBaseline(1, COMMIT, "feat/<b>", List.of(
                new Measured("size", "<img src=x onerror=alert(1)>|`x`*", "bytes", 1, 1)), "u");
        assertThat(c.markdown())
                .contains("&lt;img src=x onerror=alert(1)&gt;\\|\\`x\\`\\*")
                .doesNotContain("<img")
                .contains("feat/&lt;b&gt;");
    }
}
