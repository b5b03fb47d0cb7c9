package io.regtrack.action;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import io.regtrack.testing.Tools;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the report step collects beyond file sizes, end to end against the service under test: the sections of a
 * binary built by the real cargo, the build's wall time when the step runs the build, and benchmark tools' own output
 * (hyperfine, libtest, a criterion directory) sent as results and stored as measurements under the tools' names.
 */
@QuarkusTest
class ReportCollectionTest {

    private static final String PUSH = "{\"ref\": \"refs/heads/main\", \"repository\": {\"default_branch\": \"main\"}}";

    /**
     * {@code cargo bench 2>&1} of a crate with libtest {@code #[bench]} functions (nightly only, so written here): the
     * bench lines as libtest's pretty formatter prints them since Rust 1.78 (two decimals, thousands separated, the
     * deviation in brackets, {@code = N MB/s} when the bench sets {@code b.bytes}), around cargo's own lines.
     */
    private static final String CARGO_BENCH = """
               Compiling sumloop v0.1.0 (/builds/acme/sumloop)
                Finished `bench` profile [optimized] target(s) in 1.52s
                 Running unittests src/main.rs (target/release/deps/sumloop-5d7c3a1f0e9b2c41)

            running 3 tests
            test tests::parses_empty_input ... ignored
            test bench_fib_10              ... bench:         123.45 ns/iter (+/- 4.21)
            test parse::bytes              ... bench:       5,000.00 ns/iter (+/- 100.00) = 204 MB/s

            test result: ok. 0 passed; 0 failed; 1 ignored; 2 measured; 0 filtered out; finished in 2.31s

            """;

    @TestHTTPResource("/")
    URL server;

    @Inject
    DataSource db;

    @TempDir
    Path tmp;

    @BeforeEach
    void tools() {
        for (String tool : List.of("cargo", "rustc", "git", "hyperfine", "jq", "curl", "bash", "size", "strip")) {
            Tools.require(tool);
        }
    }

    private ReportStep push(Workspace ws, String job, String sha, String slug, String ingest) throws IOException {
        return new ReportStep(ws.dir, tmp.resolve(job), "push", PUSH, sha, "refs/heads/main")
                .with("REGTRACK_SERVER_URL", server.toString())
                .with("REGTRACK_TOKEN", ingest)
                .with("REGTRACK_PROJECT", slug)
                .with("REGTRACK_FAIL_ON", "never");
    }

    @Test
    void theStepBuildsTimesMeasuresSectionsAndSendsToolsOutput() throws Exception {
        String slug = project("collect", false);
        String ingest = token(slug, "ingest");
        Workspace ws = new Workspace(tmp.resolve("repo"));
        String sha = ws.commit(Workspace.SMALL, "Measure everything");
        // Benchmark a build of this commit, then start from a clean target as a fresh checkout would.
        ws.build("release");
        Path hyperfine = ws.benchmark("release");
        ws.run(List.of("cargo", "clean", "--offline"), Map.of());
        Files.writeString(ws.dir.resolve("bench.txt"), CARGO_BENCH);
        criterion(ws.dir.resolve("target/criterion"));

        ReportStep.Result result = push(ws, "job", sha, slug, ingest)
                .with("REGTRACK_BUILD_COMMAND", "cargo build --release -v --offline")
                .with("REGTRACK_BINARIES", "target/release/sumloop")
                .with("REGTRACK_RESULTS", """
                        hyperfine: %s
                        libtest: bench.txt
                        criterion: target/criterion
                        """.formatted(hyperfine))
                .run();
        assertThat(result.exit()).as(result.log()).isZero();
        assertThat(result.log()).contains("building: cargo build").contains("Compiling sumloop v0.1.0");

        Path binary = ws.binary("release");
        long fileSize = Files.size(binary);
        Map<String, JsonNode> measured = measurements(slug, ingest);
        JsonNode size = measured.get("size sumloop");
        assertThat(size.get("value").asLong()).isEqualTo(fileSize);
        JsonNode parts = size.get("parts");
        assertThat(parts.has("stripped")).as(parts.toString()).isTrue();
        long text = parts.path(".text").asLong();
        long rodata = parts.path(".rodata").asLong();
        assertThat(text).as(parts.toString()).isPositive();
        assertThat(text + rodata).isLessThanOrEqualTo(fileSize);
        assertThat(fieldNames(parts))
                .as("only sections that are loaded")
                .noneMatch(p -> p.startsWith(".debug") || p.equals(".comment") || p.equals(".symtab"));
        parts.fields()
                .forEachRemaining(p -> assertThat(p.getValue().isIntegralNumber())
                        .as(p.getKey())
                        .isTrue());

        JsonNode build = measured.get("build-time release");
        assertThat(build.get("unit").asText()).isEqualTo("seconds");
        assertThat(build.get("value").asDouble()).isPositive();
        JsonNode payload = new ObjectMapper()
                .readTree(Path.of(result.outputs().get("payload")).toFile());
        assertThat(payload.at("/profile/rustcInvocation").asText())
                .as("the rustc command line, from the build's own output")
                .contains("--crate-name sumloop")
                .contains("--crate-type bin");

        assertThat(measured.get("runtime startup").get("samples")).hasSize(10);
        assertThat(measured.get("runtime bench_fib_10").get("value").asDouble()).isCloseTo(123.45e-9, within());
        assertThat(measured.get("runtime parse::bytes").get("value").asDouble()).isCloseTo(5e-6, within());
        assertThat(measured.get("throughput parse::bytes").get("unit").asText()).isEqualTo("MB/s");
        assertThat(measured.get("runtime parse/small").get("samples")).hasSize(10);
        assertThat(measured.get("runtime parse/small").get("center").asDouble()).isBetween(1.1e-6, 1.3e-6);
        assertThat(measured.get("runtime parse/large").get("samples")).hasSize(10);
        assertThat(measured.get("throughput parse/large").get("unit").asText()).isEqualTo("bytes/s");
        assertThat(measured).hasSize(9); // size, build-time, hyperfine 1, libtest 3, criterion 3
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
    }

    /** A Windows binary (PE/COFF) has its sections read from its own headers, as ELF ones are. */
    @Test
    void aWindowsBinaryHasItsSectionsToo() throws Exception {
        Tools.require("objcopy");
        String slug = project("collect-pe", false);
        String ingest = token(slug, "ingest");
        Workspace ws = new Workspace(tmp.resolve("repo"));
        String sha = ws.commit(Workspace.SMALL, "A Windows build");
        ws.build("release");
        Path exe = ws.dir.resolve("target/release/sumloop.exe");
        ws.run(List.of("objcopy", "-O", "pei-x86-64", ws.binary("release").toString(), exe.toString()), Map.of());
        ReportStep.Result result = push(ws, "pe", sha, slug, ingest)
                .with("REGTRACK_BINARIES", "target/release/sumloop.exe")
                .run();
        assertThat(result.exit()).as(result.log()).isZero();
        JsonNode parts = measurements(slug, ingest).get("size sumloop.exe").get("parts");
        assertThat(parts.path(".text").asLong()).as(parts.toString()).isPositive();
        assertThat(parts.path(".text").asLong()).isLessThan(Files.size(exe));
    }

    @Test
    void aFailingBuildOrAResultsLineThatMatchesNothingFailsTheStepAndSendsNothing() throws Exception {
        String slug = project("collect-fails", false);
        String ingest = token(slug, "ingest");
        Workspace ws = new Workspace(tmp.resolve("repo"));
        String sha = ws.commit(Workspace.SMALL, "Break it");

        ReportStep.Result failedBuild = push(ws, "build", sha, slug, ingest)
                .with("REGTRACK_BUILD_COMMAND", "cargo build --offline --profile no-such-profile")
                .with("REGTRACK_BINARIES", "target/release/sumloop")
                .run();
        assertThat(failedBuild.exit()).isEqualTo(1);
        assertThat(failedBuild.log())
                .contains("profile `no-such-profile` is not defined")
                .contains("the build failed (exit 101): cargo build --offline --profile no-such-profile");

        ReportStep.Result unmatched = push(ws, "results", sha, slug, ingest)
                .with("REGTRACK_RESULTS", "libtest:bench-*.txt")
                .run();
        assertThat(unmatched.exit()).isEqualTo(1);
        assertThat(unmatched.log()).contains("results: 'libtest:bench-*.txt' matches no file");

        ReportStep.Result unknown = push(ws, "format", sha, slug, ingest)
                .with("REGTRACK_RESULTS", "jmh:results.json")
                .run();
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.log()).contains("unknown format 'jmh'");
        assertThat(Rows.runs(db, slug)).isZero();

        ReportStep.Result timedElsewhere = push(ws, "timed", sha, slug, ingest)
                .with("REGTRACK_BUILD_SECONDS", "12.5")
                .run();
        assertThat(timedElsewhere.exit()).as(timedElsewhere.log()).isZero();
        assertThat(measurements(slug, ingest)
                        .get("build-time release")
                        .get("value")
                        .asDouble())
                .isEqualTo(12.5);
    }

    /**
     * Criterion.rs 0.5's files for a group {@code parse} with two functions, as {@code cargo bench} leaves them:
     * {@code <group>/<function>/new/{benchmark,estimates,sample,tukey}.json}, the previous run in {@code base/}, and
     * the group's HTML report, which are not results.
     */
    private static void criterion(Path root) throws IOException {
        writeBenchmark(root.resolve("parse/small"), "small", 1200.0, "null");
        writeBenchmark(root.resolve("parse/large"), "large", 48000.0, "{\"Bytes\": 65536}");
        Path base = Files.createDirectories(root.resolve("parse/small/base"));
        Files.copy(root.resolve("parse/small/new/sample.json"), base.resolve("sample.json"));
        Files.createDirectories(root.resolve("parse/report"));
        Files.writeString(root.resolve("parse/report/index.html"), "<html></html>");
    }

    private static void writeBenchmark(Path dir, String function, double nanos, String throughput) throws IOException {
        Path now = Files.createDirectories(dir.resolve("new"));
        // Linear sampling: the k-th sample runs k times the base count of iterations.
        List<Double> iters =
                IntStream.rangeClosed(1, 10).mapToObj(k -> 37.0 * k).toList();
        List<Double> times = IntStream.range(0, 10)
                .mapToObj(i -> iters.get(i) * nanos * (1 + (i % 3 - 1) * 0.01))
                .toList();
        Files.writeString(
                now.resolve("sample.json"),
                "{\"sampling_mode\":\"Linear\",\"iters\":%s,\"times\":%s}".formatted(json(iters), json(times)));
        Files.writeString(
                now.resolve("estimates.json"), """
                {"mean":{"confidence_interval":{"confidence_level":0.95,"lower_bound":%1$s,"upper_bound":%3$s},\
                "point_estimate":%2$s,"standard_error":%4$s},\
                "median":{"confidence_interval":{"confidence_level":0.95,"lower_bound":%1$s,"upper_bound":%3$s},\
                "point_estimate":%2$s,"standard_error":%4$s},\
                "median_abs_dev":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":%4$s},\
                "point_estimate":%4$s,"standard_error":1.0},\
                "slope":{"confidence_interval":{"confidence_level":0.95,"lower_bound":%1$s,"upper_bound":%3$s},\
                "point_estimate":%2$s,"standard_error":%4$s},\
                "std_dev":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":%4$s},\
                "point_estimate":%4$s,"standard_error":1.0}}
                """.formatted(nanos * 0.99, nanos, nanos * 1.01, nanos * 0.01));
        Files.writeString(now.resolve("benchmark.json"), """
                {"group_id":"parse","function_id":"%1$s","value_str":null,"throughput":%2$s,\
                "full_id":"parse/%1$s","directory_name":"parse/%1$s","title":"parse/%1$s"}
                """.formatted(function, throughput));
        Files.writeString(
                now.resolve("tukey.json"), json(List.of(nanos * 0.9, nanos * 0.95, nanos * 1.05, nanos * 1.1)));
    }

    private static String json(List<Double> values) {
        return values.stream()
                .map(v -> String.format(Locale.ROOT, "%.1f", v))
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The newest run's measurements by "kind name". */
    static Map<String, JsonNode> measurements(String slug, String token) throws IOException {
        Object id = as(token)
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .path("runs[0].id");
        String run = as(token)
                .get("/api/v1/projects/" + slug + "/runs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode measurements = new ObjectMapper().readTree(run).get("measurements");
        return StreamSupport.stream(measurements.spliterator(), false)
                .collect(Collectors.toMap(
                        m -> m.get("kind").asText() + " " + m.get("name").asText(), m -> m));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-12);
    }
}
