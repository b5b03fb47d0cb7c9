package io.regtrack.results;

import static io.regtrack.results.Fixtures.failure;
import static io.regtrack.results.Fixtures.json;
import static io.regtrack.results.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * iai-callgrind / gungraun summaries. Each fixture follows one published schema: {@code summary.v3.json}, {@code
 * summary.v4.json} and {@code summary.v6.json} the files {@code iai-callgrind-runner/schemas/summary.v3|v4|v6.schema.json}
 * in iai-callgrind/iai-callgrind (v3: {@code tool_summaries}, {@code CallgrindSummary}; v4: {@code profiles}, plain
 * counts, a DHAT profile before the Callgrind one; v6: counts as {@code {"Int": n}}, rates as {@code {"Float": x}}, an
 * array of two summaries, the second a first run with only {@code Left}), {@code summary.v7.json} the file {@code
 * crates/gungraun-summary/schemas/summary.v7.schema.json} in gungraun/gungraun ({@code data.total.metrics}, {@code
 * values: {new, old}}).
 */
class IaiCallgrindFormatTest {

    private static final Map<String, Double> SHORT_NEW = Map.ofEntries(
            entry("instructions", 1734.0),
            entry("dr", 581.0),
            entry("dw", 433.0),
            entry("i1mr", 3.0),
            entry("d1mr", 0.0),
            entry("d1mw", 0.0),
            entry("ilmr", 3.0),
            entry("dlmr", 0.0),
            entry("dlmw", 0.0),
            entry("l1-hits", 2745.0),
            entry("ll-hits", 0.0),
            entry("ram-hits", 3.0),
            entry("total-rw", 2748.0),
            entry("estimated-cycles", 2850.0));

    private static Map<String, Double> byKind(List<Measure> measures, String name) {
        return measures.stream()
                .filter(m -> m.name().equals(name))
                .collect(Collectors.toMap(Measure::kind, Measure::value));
    }

    @Test
    void v6CountsOfTheNewRunSkippingRates() {
        List<Measure> measures = parse("iai-callgrind", null, json("iai-callgrind/summary.v6.json"));

        assertThat(measures).allSatisfy(m -> assertThat(m.unit()).isEqualTo("count"));
        assertThat(measures)
                .extracting(Measure::name)
                .containsOnly(
                        "iai_fib::fib_group::bench_fibonacci::short", "iai_fib::fib_group::bench_fibonacci::long");
        assertThat(byKind(measures, "iai_fib::fib_group::bench_fibonacci::short"))
                .containsExactlyInAnyOrderEntriesOf(SHORT_NEW);
        assertThat(byKind(measures, "iai_fib::fib_group::bench_fibonacci::long"))
                .hasSize(14)
                .containsEntry("instructions", 25250.0)
                .containsEntry("estimated-cycles", 40081.0);
    }

    @Test
    void v7ReadsTheNewValues() {
        List<Measure> measures = parse("iai-callgrind", null, json("iai-callgrind/summary.v7.json"));

        assertThat(byKind(measures, "iai_fib::fib_group::bench_fibonacci::short"))
                .containsExactlyInAnyOrderEntriesOf(SHORT_NEW);
    }

    @Test
    void v4PicksTheCallgrindProfileAndNamesByModulePathAlone() {
        List<Measure> measures = parse("iai-callgrind", null, json("iai-callgrind/summary.v4.json"));

        assertThat(byKind(measures, "iai_fib::fib_group::bench_fibonacci"))
                .containsExactlyInAnyOrderEntriesOf(SHORT_NEW);
    }

    @Test
    void v3ReadsToolSummariesAndTheAttachmentNameReplacesASingleBenchmark() {
        List<Measure> measures = parse("iai-callgrind", "cli help", json("iai-callgrind/summary.v3.json"));

        assertThat(measures).extracting(Measure::name).containsOnly("cli help");
        assertThat(byKind(measures, "cli help"))
                .containsOnlyKeys(
                        "instructions", "dr", "dw", "l1-hits", "ll-hits", "ram-hits", "total-rw", "estimated-cycles")
                .containsEntry("instructions", 1734.0);
    }

    @Test
    void aPrefixJoinsSeveralBenchmarks() {
        assertThat(parse("iai-callgrind", "fib", json("iai-callgrind/summary.v6.json")))
                .extracting(Measure::name)
                .contains("fib/iai_fib::fib_group::bench_fibonacci::short");
    }

    @Test
    void malformedSummariesSayWhere() {
        var noProfiles = Fixtures.parse("{\"module_path\":\"a::b::c\"}");
        assertThat(failure("iai-callgrind", null, noProfiles)).hasMessageContaining("profiles");

        var dhatOnly = Fixtures.parse("{\"module_path\":\"a::b::c\",\"profiles\":[{\"tool\":\"DHAT\"}]}");
        assertThat(failure("iai-callgrind", null, dhatOnly)).returns("/profiles", ResultException::place);

        var oldOnly = Fixtures.parse("{\"module_path\":\"a::b::c\",\"profiles\":[{\"tool\":\"Callgrind\",\"summaries\":"
                + "{\"total\":{\"summary\":{\"Callgrind\":{\"Ir\":{\"metrics\":{\"Right\":{\"Int\":5}}}}}}}}]}");
        assertThat(failure("iai-callgrind", null, oldOnly)).hasMessageContaining("new run");

        var text = Fixtures.parse(
                "{\"module_path\":\"a::b::c\",\"profiles\":[{\"tool\":\"Callgrind\",\"summaries\":"
                        + "{\"total\":{\"summary\":{\"Callgrind\":{\"Ir\":{\"metrics\":{\"Both\":[{\"Int\":\"5\"},{\"Int\":4}]}}}}}}}]}");
        assertThat(failure("iai-callgrind", null, text))
                .returns("/profiles/0/summaries/total/summary/Callgrind/Ir/metrics/Both/0/Int", ResultException::place);
    }
}
