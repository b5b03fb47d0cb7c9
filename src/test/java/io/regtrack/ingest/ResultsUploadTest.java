package io.regtrack.ingest;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Tools' own output in an upload: parsed on the server, stored as measurements, refused whole when malformed. */
@QuarkusTest
class ResultsUploadTest {

    private static final String HYPERFINE = """
            {"results": [{"command": "./target/release/app --help", "mean": 0.0021, "stddev": 0.0001,
              "median": 0.0021, "user": 0.0015, "system": 0.0005, "min": 0.0020, "max": 0.0023,
              "times": [0.0020, 0.0021, 0.0021, 0.0022, 0.0023], "exit_codes": [0, 0, 0, 0, 0]}]}""";

    private static final String LIBTEST = "\\nrunning 2 tests\\n"
            + "test bench_fib_10 ... bench:         123 ns/iter (+/- 4)\\n"
            + "test parse::small ... bench:       1,234.50 ns/iter (+/- 12.34)\\n\\n"
            + "test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 2 filtered out\\n";

    @Inject
    DataSource db;

    private static String upload(int n, String results, String measurements) {
        return """
                {"commit": "%s", "branch": "main", "measurements": [%s], "results": [%s]}
                """.formatted(sha(n), measurements, results);
    }

    @Test
    void resultsInTheirOwnFormatsBecomeMeasurementsWithTheToolsNames() {
        String slug = project("results", false);
        String ci = token(slug, "ingest");
        String results = "{\"format\": \"hyperfine\", \"content\": " + HYPERFINE + "},"
                + "{\"format\": \"libtest\", \"content\": \"" + LIBTEST + "\"}";
        as(ci).body(upload(1, results, "{\"kind\": \"size\", \"name\": \"app\", \"value\": 1000}"))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .body("verdicts.name", hasItems("app", "./target/release/app --help", "bench_fib_10", "parse::small"))
                .body("verdicts.find { it.name == 'bench_fib_10' }.kind", equalTo("runtime"))
                .body("verdicts.find { it.name == 'bench_fib_10' }.current", equalTo(1.23e-7f))
                .body("verdicts.find { it.name == 'parse::small' }.current", equalTo(1.2345e-6f));
        assertThat(Rows.measurements(db, slug)).isEqualTo(4);
        assertThat(Rows.count(
                        db,
                        "select cardinality(m.samples) from measurements m join projects p on p.id = m.project_id"
                                + " where p.slug = ? and m.name = ?",
                        slug,
                        "./target/release/app --help"))
                .isEqualTo(5);
    }

    @Test
    void aMalformedAttachmentIsRefusedNamingItAndThePlaceAndNothingIsStored() {
        String slug = project("badresult", false);
        String ci = token(slug, "ingest");
        String broken = HYPERFINE.replace("0.0022", "\"fast\"");
        String results = "{\"format\": \"libtest\", \"content\": \"" + LIBTEST + "\"},"
                + "{\"format\": \"hyperfine\", \"name\": \"startup\", \"content\": " + broken + "}";
        as(ci).body(upload(1, results, ""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", startsWith("results[1].content"))
                .body("violations[0].message", containsString("hyperfine output 'startup'"))
                .body("violations[0].message", containsString("/results/0/times/3"));
        as(ci).body(upload(2, "{\"format\": \"nunit\", \"content\": {}}", ""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("results[0].content"))
                .body("violations[0].message", containsString("criterion"));
        as(ci).body(upload(3, "", ""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("measurements"));
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void aToolNameGivenTwiceOrTooManyMeasurementsInAllAreRefused() throws Exception {
        String slug = project("dupresult", false);
        String ci = token(slug, "ingest");
        String results = "{\"format\": \"libtest\", \"content\": \"" + LIBTEST + "\"}";
        as(ci).body(upload(
                        1,
                        results,
                        "{\"kind\": \"runtime\", \"name\": \"bench_fib_10\", \"samples\": [1.0, 1.1, 1.2, 1.3, 1.4]}"))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("results[0]"))
                .body("violations[0].message", containsString("more than once"));

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(Map.of("kind", "size", "name", "bin" + i, "value", i));
        }
        String measurements = new ObjectMapper().writeValueAsString(many);
        as(ci).body(upload(2, results, measurements.substring(1, measurements.length() - 1)))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("results"))
                .body("violations[0].message", containsString("5,002 in all"));
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void benchersOwnAndCustomMeasuresAreStoredWithTheirUnits() {
        String slug = project("bmfresult", false);
        String ci = token(slug, "ingest");
        String bmf = "{\"parse\": {\"latency\": {\"value\": 1500.0}, \"allocations\": {\"value\": 12}},"
                + " \"release\": {\"build-time\": {\"value\": 87.5}}}";
        as(ci).body(upload(1, "{\"format\": \"bmf\", \"content\": " + bmf + "}", ""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .body("verdicts.find { it.kind == 'allocations' }.unit", equalTo("allocations"))
                .body("verdicts.find { it.kind == 'build-time' }.unit", equalTo("seconds"))
                .body("verdicts.find { it.kind == 'runtime' }.current", equalTo(1.5e-6f));
    }
}
