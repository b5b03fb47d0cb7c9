package io.regtrack.results;

import static io.regtrack.results.Fixtures.failure;
import static io.regtrack.results.Fixtures.parse;
import static io.regtrack.results.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * libtest's {@code #[bench]} output. The fixtures are {@code cargo bench} console output: the line is written by the
 * pretty formatter in rust-lang/rust {@code library/test/src/formatters/pretty.rs} ({@code test <name> ... bench:})
 * with {@code fmt_bench_samples} in {@code library/test/src/bench.rs} ({@code ns/iter (+/- dev)}, thousands
 * separators, {@code = N MB/s} when the bench sets {@code bytes}). {@code cargo-bench.txt} has the integer form of
 * older toolchains, {@code cargo-bench-decimals.txt} the form with two decimals of newer ones.
 */
class LibtestFormatTest {

    @Test
    void benchLinesAreRuntimesInSecondsAndMbPerSecondIsAThroughput() {
        List<Measure> measures = parse("libtest", null, text("libtest/cargo-bench.txt"));

        assertThat(measures)
                .extracting(Measure::kind, Measure::name, Measure::unit, Measure::value)
                .containsExactly(
                        tuple("runtime", "bench_fib_10", "seconds", 123 / 1e9),
                        tuple("runtime", "bench_fib_20", "seconds", 15172 / 1e9),
                        tuple("runtime", "bench_fib_30", "seconds", 1867035 / 1e9),
                        tuple("runtime", "bench_checksum_4k", "seconds", 5120 / 1e9),
                        tuple("throughput", "bench_checksum_4k", "MB/s", 800.0));
        assertThat(measures.get(0).value()).isEqualTo(1.23e-7);
        assertThat(measures).allSatisfy(m -> assertThat(m.samples()).isNull());
    }

    @Test
    void decimalsAndSeparatorsOfNewerToolchains() {
        assertThat(parse("libtest", "parse", text("libtest/cargo-bench-decimals.txt")))
                .extracting(Measure::name, Measure::value)
                .containsExactly(
                        tuple("parse/parse::large", 123456.70 / 1e9),
                        tuple("parse/parse::medium", 9876.54 / 1e9),
                        tuple("parse/parse::small", 1234.56 / 1e9));
    }

    @Test
    void oneBenchTakesTheAttachmentName() {
        var one = TextNode.valueOf("running 1 test\ntest fib ... bench:          42 ns/iter (+/- 1)\n");
        assertThat(parse("libtest", "fibonacci", one)).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("fibonacci");
            assertThat(m.value()).isEqualTo(4.2e-8);
        });
    }

    @Test
    void outputWithoutBenchLinesOrWithABrokenOneIsRefused() {
        var none = TextNode.valueOf("running 2 tests\ntest a ... ok\ntest b ... ignored\n\ntest result: ok.\n");
        assertThat(failure("libtest", null, none))
                .returns("", ResultException::place)
                .hasMessageContaining("no benchmark lines");

        var broken =
                TextNode.valueOf("running 2 tests\ntest a ... bench: 12 ns/iter (+/- 1)\ntest b ... bench: fast\n");
        assertThat(failure("libtest", null, broken))
                .returns("line 3", ResultException::place)
                .hasMessageContaining("test b ... bench: fast");

        var twice = TextNode.valueOf("test a ... bench: 12 ns/iter (+/- 1)\ntest a ... bench: 13 ns/iter (+/- 1)\n");
        assertThat(failure("libtest", null, twice)).returns("line 2", ResultException::place);

        assertThat(failure("libtest", null, Fixtures.parse("{\"out\":\"test a ... bench: 1 ns/iter (+/- 0)\"}")))
                .hasMessageContaining("send it as a JSON string");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aLineOfAMegabyteIsReadInLinearTime() {
        var spaces = TextNode.valueOf("test a" + " ".repeat(1_000_000) + "... bench: 1" + " ".repeat(1_000_000) + "x");
        assertThat(failure("libtest", null, spaces)).returns("line 1", ResultException::place);
    }
}
