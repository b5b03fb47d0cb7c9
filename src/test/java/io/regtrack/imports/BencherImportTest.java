package io.regtrack.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.regtrack.results.Measure;
import io.regtrack.results.ResultException;
import io.regtrack.testing.HistoryFiles;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bencher's perf export. {@code bencher-perf.json} is written in the documented {@code JsonPerf} shape (see
 * {@code src/test/resources/import/README.md}); smaller cases below take one line of it.
 */
class BencherImportTest {

    static final String C1 = "8899a8caae82be645f32ff88ccaa04789e28e543";
    static final String C6 = "d497f591b8955630edb62c11a61e32098791ce60";
    static final String F1 = "dce23f56229bf6cafc2316e5fb86c0c30a922edd";

    @Test
    void eachReportIsARunOfItsCommitOnItsBranchOldestFirst() {
        History history = Imports.read("bencher", HistoryFiles.text(HistoryFiles.BENCHER));

        assertThat(history.runs())
                .extracting(ImportedRun::branch, r -> r.commit().substring(0, 7))
                .containsExactly(
                        tuple("main", "8899a8c"),
                        tuple("main", "a2df738"),
                        tuple("main", "7a144ea"),
                        tuple("main", "3067319"),
                        tuple("main", "d497f59"),
                        tuple("perf/simd-search", "dce23f5"),
                        tuple("main", "9ab0fa7"),
                        tuple("main", "90f0c66"));
        ImportedRun first = history.runs().get(0);
        assertThat(first.key()).isEqualTo("import-bencher-main:ubuntu-latest-" + C1);
        assertThat(first.committedAt()).isEqualTo(OffsetDateTime.parse("2025-03-03T08:01:12Z"));
        assertThat(first.message()).isNull();
        assertThat(first.measures())
                .extracting(Measure::kind, Measure::name, Measure::unit, Measure::value)
                .containsExactly(
                        tuple("runtime", "parse::small", "seconds", 1234.5 / 1e9),
                        tuple("runtime", "parse::large", "seconds", 48211.0 / 1e9),
                        tuple("throughput", "search::haystack_1mb", "ops/s", 812.4),
                        tuple("size", "rgx", "bytes", 3145728.0),
                        tuple("build-time", "cargo build --release", "seconds", 41.8));
    }

    @Test
    void iterationsAreSamplesAndReportsWithoutACommitOrMeasuringOneAgainAreLeftOut() {
        History history = Imports.read("bencher", HistoryFiles.text(HistoryFiles.BENCHER));

        ImportedRun iterated = history.runs().stream()
                .filter(r -> r.commit().equals(C6))
                .findFirst()
                .orElseThrow();
        assertThat(iterated.measures().get(0).value()).isNull();
        assertThat(iterated.measures().get(0).samples()).containsExactly(1482.5 / 1e9, 1479.0 / 1e9, 1490.25 / 1e9);
        assertThat(history.skipped())
                .extracting(Skipped::at, s -> s.reason().replaceAll("report [0-9a-f-]{36}", "report R"))
                .containsExactly(
                        tuple(
                                "/results/0/metrics/2",
                                "report R has no version hash, so its 5 metrics have no commit "
                                        + "to be stored under"),
                        tuple(
                                "/results/0/metrics/5",
                                "report R measured commit 30673190cda26543e8083f3257d4a5982caf6af5"
                                        + " again on branch main, testbed ubuntu-latest; the earliest report is imported"));
    }

    @Test
    void newerServersMetricsAreReadWhenTheTripleIsAbsent() {
        String metric = """
                {"report": "r1", "iteration": 0, "start_time": "2025-03-03T08:01:12Z",
                 "end_time": "2025-03-03T08:01:53Z", "version": {"number": 1, "hash": "%s"},
                 "metrics": {"value": {"value": 1234.5}, "upper_value": {"value": 1250.0}}}""".formatted(C1);
        History history = Imports.read("bencher", perf(line("main", "localhost", "latency", metric)));
        assertThat(history.runs().get(0).measures())
                .extracting(Measure::kind, Measure::value)
                .containsExactly(tuple("runtime", 1234.5 / 1e9));
    }

    @Test
    void severalTestbedsNameTheirBenchmarksByTestbed() {
        String metric = """
                {"report": "%s", "iteration": 0, "start_time": "2025-03-03T08:01:12Z",
                 "end_time": "2025-03-03T08:01:53Z", "version": {"number": 1, "hash": "%s"},
                 "metric": {"uuid": "m", "value": 10}}""";
        History history = Imports.read(
                "bencher",
                perf(line("main", "ubuntu-latest", "latency", metric.formatted("r1", C1)) + ","
                        + line("main", "macos-latest", "latency", metric.formatted("r2", C1))));
        assertThat(history.runs())
                .extracting(ImportedRun::key, r -> r.measures().get(0).name())
                .containsExactlyInAnyOrder(
                        tuple("import-bencher-main:ubuntu-latest-" + C1, "ubuntu-latest/parse::small"),
                        tuple("import-bencher-main:macos-latest-" + C1, "macos-latest/parse::small"));
    }

    @Test
    void aMalformedExportSaysWhere() {
        String metric = """
                {"report": "r1", "iteration": 0, "start_time": "2025-03-03T08:01:12Z",
                 "end_time": "2025-03-03T08:01:53Z", "version": {"number": 1, "hash": "%s"},
                 "metric": {"uuid": "m", "value": %s}}""";
        assertThat(failure(perf(line("main", "localhost", "latency", metric.formatted(C1, "\"fast\"")))))
                .returns("/results/0/metrics/0/metric/value", ResultException::place)
                .hasMessage("expected a number, found a string");
        assertThat(failure(perf(line("main", "localhost", "size", metric.formatted(C1, "1")))))
                .returns("/results/0/metrics/0", ResultException::place)
                .hasMessageContaining("reserved");
        assertThat(failure(perf(line("main", "localhost", "latency", metric.formatted(C1, "1"))
                        .replace("2025-03-03T08:01:12Z", "March"))))
                .returns("/results/0/metrics/0/start_time", ResultException::place);
        assertThat(failure("{\"project\": {}}")).returns("/results", ResultException::place);
        assertThat(failure(perf("")))
                .returns("/results", ResultException::place)
                .hasMessage("no metrics");
        assertThat(failure("[]")).returns("", ResultException::place);
    }

    @Test
    void bencherUnitsGiveTheirSymbol() {
        assertThat(List.of("seconds (s)", "operations / second (ops/s)", "widgets", " bytes (B) "))
                .extracting(BencherHistory::unit)
                .containsExactly("s", "ops/s", "widgets", "B");
    }

    private static String perf(String lines) {
        return "{\"project\": {\"slug\": \"p\"}, \"start_time\": null, \"end_time\": null, \"results\": [" + lines
                + "]}";
    }

    private static String line(String branch, String testbed, String measure, String metrics) {
        return """
                {"branch": {"name": "%s", "slug": "%s"}, "testbed": {"name": "%s", "slug": "%s"},
                 "benchmark": {"name": "parse::small", "slug": "parse-small"},
                 "measure": {"name": "%s", "slug": "%s", "units": "nanoseconds (ns)"},
                 "metrics": [%s]}""".formatted(branch, branch, testbed, testbed, measure, measure, metrics);
    }

    private static ResultException failure(String file) {
        ResultException e = catchThrowableOfType(ResultException.class, () -> Imports.read("bencher", file));
        assertThat(e).as("a ResultException for %s", file).isNotNull();
        return e;
    }
}
