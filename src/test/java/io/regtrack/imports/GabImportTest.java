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

/** github-action-benchmark's data.js, read from a real published file and from small variations of its shape. */
class GabImportTest {

    private static final String SUITE = "Benchmark result (shogi_legality_lite)";
    private static final String SHA_A = "4345684813975ee7255514cacaca671dbad719f3";
    private static final String SHA_B = "3ba8f5bbacb2b3e7503820607a16df960756027d";

    @Test
    void theRealFileIsOneRunPerEntryOldestFirstWithTheSuiteInEveryName() {
        History history = Imports.read("gab", HistoryFiles.text(HistoryFiles.SHOGI));

        assertThat(history.skipped()).isEmpty();
        assertThat(history.runs()).hasSize(9);
        ImportedRun first = history.runs().get(0);
        assertThat(first.commit()).isEqualTo(SHA_A);
        assertThat(first.branch()).isNull();
        assertThat(first.key()).isEqualTo("import-gab-" + SUITE + "-" + SHA_A);
        assertThat(first.place()).isEqualTo("/entries/" + SUITE + "/0");
        assertThat(first.committedAt()).isEqualTo(OffsetDateTime.parse("2022-06-03T23:16:14+09:00"));
        assertThat(first.author()).isEqualTo("Hiroki Kobayashi");
        assertThat(first.message()).startsWith("Merge pull request #30").contains("\n\nFix GitHub Action (Rust)");
        assertThat(first.measures())
                .extracting(Measure::kind, Measure::name, Measure::unit, Measure::value)
                .containsExactly(
                        tuple("runtime", SUITE + "/bitboard::tests::pop_bench", "seconds", 86 / 1e9),
                        tuple("runtime", SUITE + "/bitboard::tests::shift_down_bench", "seconds", 19888 / 1e9),
                        tuple("runtime", SUITE + "/bitboard::tests::shift_left_bench", "seconds", 18310 / 1e9),
                        tuple("runtime", SUITE + "/bitboard::tests::shift_right_bench", "seconds", 19986 / 1e9),
                        tuple("runtime", SUITE + "/bitboard::tests::shift_up_bench", "seconds", 19914 / 1e9));
        assertThat(history.runs().get(8).commit()).isEqualTo("0bf8798ea31a0055bbe07dc3b0d780dabd077c53");
        assertThat(history.runs()).extracting(ImportedRun::committedAt).isSortedAccordingTo(OffsetDateTime::compareTo);
    }

    @Test
    void bareJsonAndTheScriptWithASemicolonOrAByteOrderMarkReadAlike() {
        History script = Imports.read("gab", HistoryFiles.text(HistoryFiles.SHOGI));
        assertThat(Imports.read("gab", HistoryFiles.json(HistoryFiles.SHOGI))).isEqualTo(script);
        assertThat(Imports.read("gab", "\uFEFF" + HistoryFiles.text(HistoryFiles.SHOGI) + ";\n"))
                .isEqualTo(script);
        assertThat(Imports.read("gab", "window.BENCHMARK_DATA={\"entries\":" + entries("cargo") + "};"))
                .extracting(h -> h.runs().size())
                .isEqualTo(2);
    }

    @Test
    void aShortCommitIdIsSkippedWithItsPlaceAndReason() {
        String file =
                file("{\"S\": [" + entry("4345684", 1, "cargo", BENCH) + ", " + entry(SHA_B, 2, "cargo", BENCH) + "]}");
        History history = Imports.read("gab", file);
        assertThat(history.runs()).extracting(ImportedRun::commit).containsExactly(SHA_B);
        assertThat(history.skipped())
                .singleElement()
                .satisfies(s -> assertThat(s.at()).isEqualTo("/entries/S/0/commit/id"))
                .satisfies(s -> assertThat(s.reason()).contains("\"4345684\"", "not a full commit SHA"));
    }

    @Test
    void aCommitMeasuredAgainKeepsItsOldestEntryWhereverItIsInTheFile() {
        String again = entry(SHA_A, 5, "cargo", "[{\"name\": \"b\", \"value\": 99, \"unit\": \"ns/iter\"}]");
        String file = file("{\"S\": [" + again + ", " + entry(SHA_A, 1, "cargo", BENCH) + "]}");
        History history = Imports.read("gab", file);
        assertThat(history.runs()).singleElement().satisfies(run -> {
            assertThat(run.place()).isEqualTo("/entries/S/1");
            assertThat(run.measures().get(0).value()).isEqualTo(254 / 1e9);
        });
        assertThat(history.skipped())
                .extracting(Skipped::at, Skipped::reason)
                .containsExactly(tuple(
                        "/entries/S/0",
                        "commit " + SHA_A + " was measured again; the suite's first entry for it (/entries/S/1) is "
                                + "imported"));
    }

    @Test
    void suitesOfOneCommitAreRunsOfTheirOwnAndASecondBenchOfOneNameIsLeftOut() {
        String twice = "[{\"name\": \"b\", \"value\": 1, \"unit\": \"ns/iter\"},"
                + " {\"name\": \"b\", \"value\": 2, \"unit\": \"ns/iter\"}]";
        String file = file("{\"Rust\": [" + entry(SHA_A, 1, "cargo", BENCH) + "], \"Go\": ["
                + entry(SHA_A, 2, "cargo", twice) + "]}");
        History history = Imports.read("gab", file);
        assertThat(history.runs())
                .extracting(
                        ImportedRun::key,
                        r -> r.measures().stream().map(Measure::name).toList())
                .containsExactly(
                        tuple("import-gab-Rust-" + SHA_A, List.of("Rust/bench_fib_10")),
                        tuple("import-gab-Go-" + SHA_A, List.of("Go/b")));
        assertThat(history.skipped()).extracting(Skipped::at).containsExactly("/entries/Go/0/benches/1");
    }

    @Test
    void theToolDecidesTheDirectionAsTheActionDoes() {
        String pytest = "[{\"name\": \"bench.py::test_fib_10\", \"value\": 48347.1, \"unit\": \"iter/sec\","
                + " \"range\": \"stddev: 0.00002\", \"extra\": \"mean: 0.00002 sec\\nrounds: 28249\"}]";
        String go =
                "[{\"name\": \"BenchmarkParse\", \"value\": 11759, \"unit\": \"ns/op\\t   10872 B/op\\t  90 allocs/op\","
                        + " \"extra\": \"101156 times\\n4 procs\"},"
                        + " {\"name\": \"BenchmarkParse - B/op\", \"value\": 10872, \"unit\": \"B/op\"}]";
        String bigger = "[{\"name\": \"requests\", \"value\": 70, \"unit\": \"req/s\"}]";
        String file = file("{\"py\": [" + entry(SHA_A, 1, "pytest", pytest) + "], \"go\": [" + entry(SHA_A, 2, "go", go)
                + "], \"custom\": [" + entry(SHA_A, 3, "customBiggerIsBetter", bigger) + "]}");
        assertThat(Imports.read("gab", file).runs().stream()
                        .flatMap(r -> r.measures().stream())
                        .toList())
                .extracting(Measure::kind, Measure::name, Measure::unit, Measure::value)
                .containsExactly(
                        tuple("throughput", "py/bench.py::test_fib_10", "iter/sec", 48347.1),
                        tuple("runtime", "go/BenchmarkParse", "seconds", 11759 / 1e9),
                        tuple("metric", "go/BenchmarkParse - B/op", "B/op", 10872.0),
                        tuple("throughput", "custom/requests", "req/s", 70.0));
    }

    @Test
    void aLongSuiteNameIsHashedInTheKey() {
        String suite = "s".repeat(190);
        History history = Imports.read("gab", file("{\"" + suite + "\": [" + entry(SHA_A, 1, "cargo", BENCH) + "]}"));
        String key = history.runs().get(0).key();
        assertThat(key).hasSizeLessThanOrEqualTo(ImportedRun.MAX_KEY).matches("import-gab-[0-9a-f]{16}-" + SHA_A);
    }

    @Test
    void aMalformedFileSaysWhere() {
        assertThat(failure("window.BENCHMARK_DATA = {\n  \"entries\": {\n    \"S\": [,]\n  }\n}"))
                .returns("", ResultException::place)
                .hasMessage("not valid JSON at line 3, column 11");
        assertThat(failure("window.BENCHMARK_DATA {}")).hasMessage("expected '=' after window.BENCHMARK_DATA");
        assertThat(failure("")).hasMessage("the file is empty");
        assertThat(failure(
                        file("{\"S\": [{\"commit\": {\"id\": \"" + SHA_A + "\"}, \"date\": 1, \"tool\": \"cargo\"}]}")))
                .returns("/entries/S/0/benches", ResultException::place)
                .hasMessage("missing");
        assertThat(failure(file("{\"S\": [" + entry(SHA_A, 1, "cargo", "[]") + "]}")))
                .returns("/entries/S/0/benches", ResultException::place)
                .hasMessage("is empty");
        String notANumber = "[{\"name\": \"a\", \"value\": 1, \"unit\": \"ns/iter\"},"
                + " {\"name\": \"b\", \"value\": \"fast\", \"unit\": \"ns/iter\"}]";
        assertThat(failure(file("{\"a/b\": [" + entry(SHA_A, 1, "cargo", notANumber) + "]}")))
                .returns("/entries/a~1b/0/benches/1/value", ResultException::place)
                .hasMessage("expected a number, found a string");
        assertThat(failure(file("{\"S\": ["
                        + entry(SHA_A, 1, "cargo", BENCH).replace("2019-11-10T00:06:58+09:00", "yesterday") + "]}")))
                .returns("/entries/S/0/commit/timestamp", ResultException::place);
        assertThat(failure("{\"lastUpdate\": 1}")).returns("/entries", ResultException::place);
        assertThat(failure(file("{}")))
                .returns("/entries", ResultException::place)
                .hasMessage("no entries");
        assertThat(failure(file("{\"S\": [" + entry(SHA_A, 1, "cargo", BENCH) + "], \"S\": []}")))
                .returns("", ResultException::place);
    }

    private static final String BENCH =
            "[{\"name\": \"bench_fib_10\", \"value\": 254, \"range\": \"+/- 35\"," + " \"unit\": \"ns/iter\"}]";

    private static String entries(String tool) {
        return "{\"S\": [" + entry(SHA_A, 1, tool, BENCH) + ", " + entry(SHA_B, 2, tool, BENCH) + "]}";
    }

    private static String file(String entries) {
        return "window.BENCHMARK_DATA = {\"lastUpdate\": 1573312301293, \"repoUrl\": \"https://github.com/o/r\","
                + " \"entries\": " + entries + "}";
    }

    /** An entry in the action's shape, as in benchmark-action/github-action-benchmark's own data.js. */
    private static String entry(String sha, long date, String tool, String benches) {
        return """
                {"commit": {"author": {"email": "a@example.com", "name": "rhysd", "username": "rhysd"},
                  "committer": {"email": "a@example.com", "name": "rhysd", "username": "rhysd"},
                  "distinct": true, "id": "%s", "message": "add benchmark.js example workflow",
                  "timestamp": "2019-11-10T00:06:58+09:00", "tree_id": "59cf1e78101c09beef06aa1832e1caa09ec52246",
                  "url": "https://github.com/o/r/commit/%s"},
                 "date": %d, "tool": "%s", "benches": %s}""".formatted(sha, sha, 1573312140323L + date, tool, benches);
    }

    private static ResultException failure(String file) {
        ResultException e = catchThrowableOfType(ResultException.class, () -> Imports.read("gab", file));
        assertThat(e).as("a ResultException for %s", file).isNotNull();
        return e;
    }
}
