package io.regtrack.results;

import static io.regtrack.results.Fixtures.failure;
import static io.regtrack.results.Fixtures.json;
import static io.regtrack.results.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * Google Benchmark. The fixtures have the shape {@code JSONReporter} writes (google/benchmark {@code
 * src/json_reporter.cc}: a {@code context} object, then per run {@code name}, {@code family_index}, {@code run_name},
 * {@code run_type}, {@code repetitions}, {@code repetition_index} or {@code aggregate_name}/{@code aggregate_unit},
 * {@code iterations}, {@code real_time}, {@code cpu_time}, {@code time_unit}, user counters). {@code
 * repetitions.json} is {@code --benchmark_repetitions=3} with aggregates, {@code aggregates-only.json} adds {@code
 * --benchmark_report_aggregates_only=true} and microsecond units.
 */
class GbenchFormatTest {

    @Test
    void repetitionsAreSamplesAndAggregatesAreSkipped() {
        var measures = parse("gbench", null, json("gbench/repetitions.json"));

        assertThat(measures).extracting(Measure::name).containsExactly("BM_Sort/1024", "BM_Sort/4096", "BM_StringCopy");
        assertThat(measures.get(0).samples()).containsExactly(10345.67890123 / 1e9, 10412.5 / 1e9, 10298.25 / 1e9);
        assertThat(measures.get(1).samples()).containsExactly(48211.75 / 1e9, 48390.5 / 1e9, 48102.0 / 1e9);
        assertThat(measures.get(2).value()).isEqualTo(19.6 / 1e9);
        assertThat(measures).allSatisfy(m -> {
            assertThat(m.kind()).isEqualTo("runtime");
            assertThat(m.unit()).isEqualTo("seconds");
        });
    }

    @Test
    void withOnlyAggregatesTheMeanIsTheValue() {
        assertThat(parse("gbench", "hash", json("gbench/aggregates-only.json")))
                .extracting(Measure::name, Measure::value, Measure::samples)
                .containsExactly(
                        tuple("hash/BM_Hash/64", 1.25 / 1e6, null), tuple("hash/BM_Hash/4096", 62.5 / 1e6, null));
    }

    @Test
    void oneBenchmarkTakesTheAttachmentName() {
        var one = Fixtures.parse("{\"benchmarks\":[{\"name\":\"BM_X\",\"run_name\":\"BM_X\",\"run_type\":\"iteration\","
                + "\"iterations\":10,\"real_time\":2.5,\"cpu_time\":2.4,\"time_unit\":\"ms\"}]}");
        assertThat(parse("gbench", "x", one)).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("x");
            assertThat(m.value()).isEqualTo(0.0025);
        });
    }

    @Test
    void malformedRunsSayWhere() {
        String run =
                "{\"name\":\"BM_X\",\"run_type\":\"iteration\",\"iterations\":%s,\"real_time\":%s,\"time_unit\":\"%s\"}";
        assertThat(failure("gbench", null, Fixtures.parse("{\"benchmarks\":[" + run.formatted(0, 1, "ns") + "]}")))
                .returns("/benchmarks/0/iterations", ResultException::place)
                .hasMessage("must be above zero");
        assertThat(failure("gbench", null, Fixtures.parse("{\"benchmarks\":[" + run.formatted(1, 1, "min") + "]}")))
                .returns("/benchmarks/0/time_unit", ResultException::place);
        assertThat(failure(
                        "gbench", null, Fixtures.parse("{\"benchmarks\":[" + run.formatted(1, "\"1\"", "ns") + "]}")))
                .returns("/benchmarks/0/real_time", ResultException::place);
        var error =
                Fixtures.parse("{\"benchmarks\":[{\"name\":\"BM_X\",\"run_type\":\"iteration\",\"error_occurred\":true,"
                        + "\"error_message\":\"could not open file\"}]}");
        assertThat(failure("gbench", null, error)).hasMessageContaining("could not open file");
        var stddevOnly = Fixtures.parse("{\"benchmarks\":[{\"name\":\"BM_X_stddev\",\"run_name\":\"BM_X\","
                + "\"run_type\":\"aggregate\",\"aggregate_name\":\"stddev\",\"real_time\":1,\"time_unit\":\"ns\"}]}");
        assertThat(failure("gbench", null, stddevOnly)).hasMessageContaining("no iteration runs");
    }
}
