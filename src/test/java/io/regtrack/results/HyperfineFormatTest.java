package io.regtrack.results;

import static io.regtrack.results.Fixtures.failure;
import static io.regtrack.results.Fixtures.json;
import static io.regtrack.results.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * hyperfine. The fixtures have the shape {@code hyperfine --export-json} writes: {@code HyperfineSummary {results:
 * Vec<BenchmarkResult>}} in sharkdp/hyperfine {@code src/export/json.rs}, with the fields of {@code BenchmarkResult} in
 * {@code src/benchmark/benchmark_result.rs} ({@code stddev} null after one run, {@code times} and {@code parameters}
 * left out when absent). {@code parameter-scan.json} is a {@code -P threads 1 4} scan, {@code single-run.json} a
 * {@code --runs 1} run.
 */
class HyperfineFormatTest {

    @Test
    void eachCommandIsARuntimeWithItsTimesAsSamples() {
        List<Measure> measures = parse("hyperfine", null, json("hyperfine/parameter-scan.json"));

        assertThat(measures).hasSize(2);
        Measure one = measures.get(0);
        assertThat(one.kind()).isEqualTo("runtime");
        assertThat(one.unit()).isEqualTo("seconds");
        assertThat(one.name()).isEqualTo("sort --parallel=1 words.txt");
        assertThat(one.value()).isNull();
        assertThat(one.samples())
                .containsExactly(0.42743198098000003, 0.41733296298, 0.41190483998, 0.42114731998, 0.41391852798);
        assertThat(one.parts()).isEmpty();
        assertThat(measures.get(1).name()).isEqualTo("sort --parallel=4 words.txt");
        assertThat(measures.get(1).samples()).hasSize(5).first().isEqualTo(0.18144436898);
    }

    @Test
    void anAttachmentNamePrefixesSeveralCommands() {
        assertThat(parse("hyperfine", "sort", json("hyperfine/parameter-scan.json")))
                .extracting(Measure::name)
                .containsExactly("sort/sort --parallel=1 words.txt", "sort/sort --parallel=4 words.txt");
    }

    @Test
    void oneRunIsAValueAndAnAttachmentNameReplacesTheSingleCommand() {
        List<Measure> measures = parse("hyperfine", "release build", json("hyperfine/single-run.json"));

        assertThat(measures).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("release build");
            assertThat(m.value()).isEqualTo(38.20751926);
            assertThat(m.samples()).isNull();
        });
    }

    @Test
    void anExportWithoutTimesGivesTheMean() {
        var old = Fixtures.parse("{\"results\":[{\"command\":\"ls\",\"mean\":0.0021,\"stddev\":0.0001,"
                + "\"median\":0.002,\"user\":0.001,\"system\":0.0008,\"min\":0.0019,\"max\":0.0025}]}");

        assertThat(parse("hyperfine", null, old))
                .singleElement()
                .extracting(Measure::value)
                .isEqualTo(0.0021);
    }

    @Test
    void malformedResultsSayWhere() {
        var negative = Fixtures.parse("{\"results\":[{\"command\":\"a\",\"times\":[0.1,0.2]},"
                + "{\"command\":\"b\",\"times\":[0.1,0.2,0.3,-0.4]}]}");
        assertThat(failure("hyperfine", null, negative))
                .returns("/results/1/times/3", ResultException::place)
                .hasMessage("must not be negative");

        var missing = Fixtures.parse("{\"results\":[{\"times\":[0.1]}]}");
        assertThat(failure("hyperfine", null, missing)).returns("/results/0/command", ResultException::place);

        assertThat(failure("hyperfine", null, Fixtures.parse("{\"results\":[]}")))
                .returns("/results", ResultException::place)
                .hasMessage("is empty");

        var same =
                Fixtures.parse("{\"results\":[{\"command\":\"a\",\"times\":[1]},{\"command\":\"a\",\"times\":[2]}]}");
        assertThat(failure("hyperfine", null, same))
                .returns("/results/1", ResultException::place)
                .hasMessageContaining("duplicate");
    }
}
