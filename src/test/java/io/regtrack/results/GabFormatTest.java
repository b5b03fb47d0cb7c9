package io.regtrack.results;

import static io.regtrack.results.Fixtures.failure;
import static io.regtrack.results.Fixtures.json;
import static io.regtrack.results.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * github-action-benchmark's custom tools. The fixtures take the entries of the {@code customSmallerIsBetter} and
 * {@code customBiggerIsBetter} examples in benchmark-action/github-action-benchmark's {@code README.md} ({@code {name,
 * unit, value, range?, extra?}}, {@code range} and {@code extra} as strings), with time-unit entries added; {@code
 * bigger.json} wraps its array in regtrack's {@code {"direction", "benchmarks"}} object.
 */
class GabFormatTest {

    @Test
    void smallerIsBetterTimesAreRuntimesAndOtherUnitsMetrics() {
        assertThat(parse("gab", null, json("gab/smaller.json")))
                .extracting(Measure::kind, Measure::name, Measure::unit, Measure::value)
                .containsExactly(
                        tuple("metric", "My Custom Smaller Is Better Benchmark - CPU Load", "Percent", 50.0),
                        tuple("metric", "My Custom Smaller Is Better Benchmark - Memory Used", "Megabytes", 100.0),
                        tuple("runtime", "Startup time", "seconds", 0.125),
                        tuple("runtime", "fib(20)", "seconds", 15172 / 1e9));
    }

    @Test
    void biggerIsBetterIsAThroughputInTheGivenUnit() {
        assertThat(parse("gab", "server", json("gab/bigger.json")))
                .extracting(Measure::kind, Measure::name, Measure::unit, Measure::value)
                .containsExactly(
                        tuple("throughput", "server/My Custom Bigger Is Better Benchmark - Throughput", "req/s", 70.0),
                        tuple(
                                "throughput",
                                "server/My Custom Bigger Is Better Benchmark - Free Memory",
                                "Megabytes",
                                150.0));
    }

    @Test
    void everyTimeUnitIsConvertedToSecondsAlsoPerIterationOrOperation() {
        var times = Fixtures.parse(
                "[{\"name\":\"a\",\"unit\":\"ns\",\"value\":5},{\"name\":\"b\",\"unit\":\"us\",\"value\":5},"
                        + "{\"name\":\"c\",\"unit\":\"µs\",\"value\":5},{\"name\":\"d\",\"unit\":\"ms\",\"value\":5},"
                        + "{\"name\":\"e\",\"unit\":\"s\",\"value\":5},{\"name\":\"f\",\"unit\":\"ns/op\",\"value\":5},"
                        + "{\"name\":\"g\",\"unit\":\"ms/iter\",\"value\":5}]");
        assertThat(parse("gab", null, times))
                .extracting(Measure::value)
                .containsExactly(5 / 1e9, 5 / 1e6, 5 / 1e6, 5 / 1e3, 5.0, 5 / 1e9, 5 / 1e3);
    }

    @Test
    void malformedEntriesSayWhere() {
        assertThat(failure("gab", null, Fixtures.parse("{\"direction\":\"up\",\"benchmarks\":[]}")))
                .returns("/direction", ResultException::place);
        assertThat(failure("gab", null, Fixtures.parse("[{\"name\":\"a\",\"unit\":\"ms\"}]")))
                .returns("/0/value", ResultException::place)
                .hasMessage("missing");
        assertThat(failure("gab", null, Fixtures.parse("[{\"name\":\" \",\"unit\":\"ms\",\"value\":1}]")))
                .returns("/0/name", ResultException::place);
        assertThat(failure("gab", null, Fixtures.parse("{\"direction\":\"smaller\",\"benchmarks\":[]}")))
                .returns("/benchmarks", ResultException::place);
    }
}
