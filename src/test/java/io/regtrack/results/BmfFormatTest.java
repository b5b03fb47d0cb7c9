package io.regtrack.results;

import static io.regtrack.results.Fixtures.failure;
import static io.regtrack.results.Fixtures.json;
import static io.regtrack.results.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * Bencher Metric Format. The fixture follows the example and JSON schema on Bencher's reference page
 * (bencher.dev/docs/reference/bencher-metric-format): benchmark name → measure slug → {@code {value, lower_value?,
 * upper_value?}}, with the built-in {@code latency} (ns) and {@code throughput} (ops/s) and the page's {@code
 * build-time} and {@code file-size} measures, plus {@code instructions} and a custom {@code allocations}.
 */
class BmfFormatTest {

    @Test
    void builtInMeasuresKeepTheirMeaningAndOthersBecomeKinds() {
        assertThat(parse("bmf", null, json("bmf/bencher.json")))
                .extracting(Measure::kind, Measure::name, Measure::unit, Measure::value)
                .containsExactly(
                        tuple("runtime", "parse::small", "seconds", 1234.5 / 1e9),
                        tuple("throughput", "parse::small", "ops/s", 810044.55),
                        tuple("build-time", "/bin/sh -c ./build.sh", "seconds", 87.0),
                        tuple("size", "regtrack-cli", "bytes", 4718592.0),
                        tuple("instructions", "alloc::vec_push", "count", 182734.0),
                        tuple("allocations", "alloc::vec_push", "allocations", 12.0));
    }

    @Test
    void aPrefixJoinsSeveralBenchmarksAndNamesASingleOne() {
        assertThat(parse("bmf", "ci", json("bmf/bencher.json")))
                .extracting(Measure::name)
                .startsWith("ci/parse::small", "ci/parse::small", "ci//bin/sh -c ./build.sh");

        var one = Fixtures.parse("{\"bench\":{\"latency\":{\"value\":88.0},\"throughput\":{\"value\":5.55}}}");
        assertThat(parse("bmf", "startup", one)).extracting(Measure::name).containsExactly("startup", "startup");
    }

    @Test
    void aSlugThatCannotBeAKindIsRefused() {
        var upper = Fixtures.parse("{\"b\":{\"Peak Memory\":{\"value\":1}}}");
        assertThat(failure("bmf", null, upper))
                .returns("/b/Peak Memory", ResultException::place)
                .hasMessageContaining("slug");

        var reserved = Fixtures.parse("{\"b\":{\"runtime\":{\"value\":1}}}");
        assertThat(failure("bmf", null, reserved)).hasMessageContaining("reserved");
    }

    @Test
    void malformedMetricsSayWhere() {
        assertThat(failure("bmf", null, Fixtures.parse("{\"a/b\":{\"latency\":{\"value\":\"88\"}}}")))
                .returns("/a~1b/latency/value", ResultException::place)
                .hasMessage("expected a number, found a string");
        assertThat(failure("bmf", null, Fixtures.parse("{\"b\":{\"latency\":{\"lower_value\":1}}}")))
                .returns("/b/latency/value", ResultException::place);
        assertThat(failure("bmf", null, Fixtures.parse("{\"b\":{\"latency\":{\"value\":1,\"upper_value\":-1}}}")))
                .returns("/b/latency/upper_value", ResultException::place);
        assertThat(failure("bmf", null, Fixtures.parse("{\"b\":{}}"))).returns("/b", ResultException::place);
        assertThat(failure("bmf", null, Fixtures.parse("{}"))).hasMessage("no benchmarks");
    }
}
