package io.regtrack.ingest;

import static io.regtrack.testing.Api.ADMIN_TOKEN;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.HistoryFiles;
import io.regtrack.testing.Rows;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.junit.jupiter.api.Test;

/**
 * Importing a history through the API: a real github-action-benchmark data.js and a Bencher perf export, round-tripped
 * through the series API, imported twice, refused when malformed, and refused to callers who may not ingest.
 */
@QuarkusTest
class ImportApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUITE = "Benchmark result (shogi_legality_lite)";

    @Inject
    DataSource db;

    @Test
    void aRealDataJsIsImportedAndItsSeriesAreTheFilesValuesInCommitOrder() throws Exception {
        String slug = project("gab", false);
        String ci = token(slug, "ingest");

        post(ci, slug, "gab", "text/javascript; charset=utf-8", HistoryFiles.text(HistoryFiles.SHOGI))
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("runs.created", equalTo(9))
                .body("runs.replayed", equalTo(0))
                .body("measurements", equalTo(45))
                .body("commits", equalTo(9))
                .body("skipped", hasSize(0));
        assertThat(Rows.runs(db, slug)).isEqualTo(9);
        assertThat(Rows.measurements(db, slug)).isEqualTo(45);

        JsonNode file = JSON.readTree(HistoryFiles.json(HistoryFiles.SHOGI));
        for (String bench : List.of("bitboard::tests::pop_bench", "bitboard::tests::shift_down_bench")) {
            List<String> commits = new ArrayList<>();
            List<Double> nanos = new ArrayList<>();
            for (JsonNode entry : file.at("/entries/" + SUITE)) {
                commits.add(entry.at("/commit/id").asText());
                for (JsonNode b : entry.get("benches")) {
                    if (b.get("name").asText().equals(bench)) {
                        nanos.add(b.get("value").asDouble());
                    }
                }
            }
            JsonNode series = series(ci, slug, "runtime", SUITE + "/" + bench, null);
            assertThat(series.get("unit").asText()).isEqualTo("seconds");
            assertThat(series.get("total").asInt()).isEqualTo(9);
            assertThat(texts(series, "commit")).isEqualTo(commits);
            assertThat(numbers(series, "value"))
                    .containsExactlyElementsOf(nanos.stream().map(n -> n / 1e9).toList());
            assertThat(texts(series, "message").get(0)).startsWith("Merge pull request #30");
        }
    }

    @Test
    void importingTheSameFileAgainReplaysEveryRunAndStoresNothing() {
        String slug = project("gab-again", false);
        String ci = token(slug, "ingest");
        String file = HistoryFiles.text(HistoryFiles.SHOGI);
        post(ci, slug, "gab", "text/javascript", file).statusCode(200);
        long alerts = Rows.count(
                db, "select count(*) from alerts a join projects p on p.id = a.project_id " + "where p.slug = ?", slug);

        post(ci, slug, "gab", "application/json", HistoryFiles.json(HistoryFiles.SHOGI))
                .statusCode(200)
                .body("runs.created", equalTo(0))
                .body("runs.replayed", equalTo(9))
                .body("measurements", equalTo(45))
                .body("commits", equalTo(9));
        post(ci, slug, "gab", "text/plain", file).statusCode(200).body("runs.replayed", equalTo(9));
        assertThat(Rows.runs(db, slug)).isEqualTo(9);
        assertThat(Rows.measurements(db, slug)).isEqualTo(45);

        int last = file.lastIndexOf("\"value\": 96");
        String rewritten = file.substring(0, last) + "\"value\": 97" + file.substring(last + "\"value\": 96".length());
        post(ci, slug, "gab", "text/javascript", rewritten)
                .statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("/entries/" + SUITE + "/8"));
        assertThat(Rows.runs(db, slug)).isEqualTo(9);
        assertThat(Rows.count(
                        db,
                        "select count(*) from alerts a join projects p on p.id = a.project_id " + "where p.slug = ?",
                        slug))
                .isEqualTo(alerts);
    }

    @Test
    void entriesWithoutAFullCommitAreSkippedWithTheirReason() {
        String slug = project("gab-short", false);
        String ci = token(slug, "ingest");
        String file = HistoryFiles.text(HistoryFiles.SHOGI)
                .replace("\"id\": \"4345684813975ee7255514cacaca671dbad719f3\"", "\"id\": \"4345684\"");
        post(ci, slug, "gab", "application/javascript", file)
                .statusCode(200)
                .body("runs.created", equalTo(8))
                .body("skipped", hasSize(1))
                .body("skipped[0].at", equalTo("/entries/" + SUITE + "/0/commit/id"))
                .body("skipped[0].reason", containsString("not a full commit SHA"));
        assertThat(Rows.runs(db, slug)).isEqualTo(8);
    }

    @Test
    void aMalformedFileIsA400NamingThePlaceAndNothingIsStored() {
        String slug = project("gab-bad", false);
        String ci = token(slug, "ingest");
        String file = HistoryFiles.text(HistoryFiles.SHOGI);

        String broken = file.substring(0, file.length() - 40);
        post(ci, slug, "gab", "text/javascript", broken)
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].message", containsString("not valid JSON at line"));

        int last = file.lastIndexOf("\"benches\": [");
        String noBenches =
                file.substring(0, last) + "\"benchez\": [" + file.substring(last + "\"benches\": [".length());
        post(ci, slug, "gab", "text/javascript", noBenches)
                .statusCode(400)
                .body("violations[0].field", equalTo("/entries/" + SUITE.replace("/", "~1") + "/8/benches"))
                .body("violations[0].message", equalTo("missing"))
                .body("detail", equalTo("/entries/" + SUITE + "/8/benches: missing"));

        String notANumber =
                file.substring(0, last) + file.substring(last).replaceFirst("\"value\": 96", "\"value\": \"96\"");
        post(ci, slug, "gab", "text/javascript", notANumber)
                .statusCode(400)
                .body("violations[0].field", equalTo("/entries/" + SUITE + "/8/benches/0/value"))
                .body("violations[0].message", equalTo("expected a number, found a string"));

        post(ci, slug, "csv", "text/plain", file).statusCode(400).body("violations[0].field", equalTo("format"));
        post(ci, slug, null, "text/plain", file).statusCode(400).body("violations[0].field", equalTo("format"));
        given().header("Authorization", "Bearer " + ci)
                .contentType("application/octet-stream")
                .body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/projects/" + slug + "/imports?format=gab")
                .then()
                .statusCode(415)
                .contentType(containsString("application/problem+json"));
        assertThat(Rows.runs(db, slug)).isZero();
        assertThat(Rows.measurements(db, slug)).isZero();
    }

    @Test
    void aRunAnUploadWouldRefuseRefusesTheWholeFile() {
        String slug = project("gab-rules", false);
        String ci = token(slug, "ingest");
        String file = HistoryFiles.text(HistoryFiles.SHOGI);
        int last = file.lastIndexOf("\"unit\": \"ns/iter\"");
        String longUnit = file.substring(0, last) + "\"unit\": \"" + "parsecs-per-fortnight".repeat(2) + "\""
                + file.substring(last + "\"unit\": \"ns/iter\"".length());
        post(ci, slug, "gab", "text/javascript", longUnit)
                .statusCode(400)
                .body("violations[0].field", equalTo("/entries/" + SUITE + "/8"))
                .body(
                        "violations[0].message",
                        equalTo("the metric \"" + SUITE
                                + "/bitboard::tests::shift_up_bench\" unit: size must be between 1 and 32"));
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void aBencherExportIsImportedPerReportAndRoundTrips() throws Exception {
        String slug = project("bencher", false);
        String ci = token(slug, "ingest");
        String file = HistoryFiles.text(HistoryFiles.BENCHER);

        post(ci, slug, "bencher", "application/json", file)
                .statusCode(200)
                .body("runs.created", equalTo(8))
                .body("runs.replayed", equalTo(0))
                .body("measurements", equalTo(40))
                .body("commits", equalTo(8))
                .body("skipped.at", equalTo(List.of("/results/0/metrics/2", "/results/0/metrics/5")));

        // The expected series, read from the file: per commit on main, its earliest report's values, the median of
        // a report's iterations.
        JsonNode line = JSON.readTree(file).at("/results/0");
        assertThat(line.at("/benchmark/name").asText()).isEqualTo("parse::small");
        Map<String, List<Double>> byCommit = new LinkedHashMap<>();
        Map<String, String> reportOf = new LinkedHashMap<>();
        for (JsonNode metric : line.get("metrics")) {
            String hash = metric.at("/version/hash").textValue();
            String report = metric.get("report").asText();
            if (hash != null && reportOf.putIfAbsent(hash, report) == null || report.equals(reportOf.get(hash))) {
                byCommit.computeIfAbsent(hash, h -> new ArrayList<>())
                        .add(metric.at("/metric/value").asDouble() / 1e9);
            }
        }
        byCommit.remove(null);
        JsonNode series = series(ci, slug, "runtime", "parse::small", "main");
        assertThat(texts(series, "commit")).containsExactlyElementsOf(byCommit.keySet());
        assertThat(numbers(series, "value"))
                .containsExactlyElementsOf(byCommit.values().stream()
                        .map(v -> new Median()
                                .evaluate(v.stream().mapToDouble(d -> d).toArray()))
                        .toList());
        assertThat(series(ci, slug, "size", "rgx", "main").get("unit").asText()).isEqualTo("bytes");
        assertThat(texts(series(ci, slug, "throughput", "search::haystack_1mb", "perf/simd-search"), "commit"))
                .containsExactly("dce23f56229bf6cafc2316e5fb86c0c30a922edd");

        post(ci, slug, "bencher", "application/json", file)
                .statusCode(200)
                .body("runs.created", equalTo(0))
                .body("runs.replayed", equalTo(8));
        assertThat(Rows.runs(db, slug)).isEqualTo(8);
        assertThat(Rows.measurements(db, slug)).isEqualTo(40);
    }

    @Test
    void onlyAnIngestTokenOfTheProjectMayImport() {
        String slug = project("gab-access", false);
        String other = project("gab-other", false);
        String file = HistoryFiles.text(HistoryFiles.SHOGI);
        given().contentType("text/javascript")
                .body(file)
                .post("/api/v1/projects/" + slug + "/imports?format=gab")
                .then()
                .statusCode(401)
                .contentType(containsString("application/problem+json"));
        post(token(slug, "read"), slug, "gab", "text/javascript", file)
                .statusCode(403)
                .contentType(containsString("application/problem+json"));
        post(token(other, "ingest"), slug, "gab", "text/javascript", file)
                .statusCode(403)
                .body("detail", containsString("an ingest token of this project"));
        assertThat(Rows.runs(db, slug)).isZero();
        post(ADMIN_TOKEN, slug, "gab", "text/javascript", file).statusCode(200);
    }

    private static ValidatableResponse post(String token, String slug, String format, String type, String body) {
        var request = given().header("Authorization", "Bearer " + token)
                .contentType(type)
                .accept("application/json")
                .body(body);
        if (format != null) {
            request.queryParam("format", format);
        }
        return request.post("/api/v1/projects/" + slug + "/imports").then();
    }

    private static JsonNode series(String token, String slug, String kind, String name, String branch)
            throws Exception {
        var request = given().header("Authorization", "Bearer " + token)
                .queryParam("kind", kind)
                .queryParam("name", name);
        if (branch != null) {
            request.queryParam("branch", branch);
        }
        return JSON.readTree(request.get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static List<String> texts(JsonNode series, String field) {
        List<String> values = new ArrayList<>();
        series.get("points").forEach(p -> values.add(p.get(field).asText()));
        return values;
    }

    private static List<Double> numbers(JsonNode series, String field) {
        List<Double> values = new ArrayList<>();
        series.get("points").forEach(p -> values.add(p.get(field).asDouble()));
        return values;
    }
}
