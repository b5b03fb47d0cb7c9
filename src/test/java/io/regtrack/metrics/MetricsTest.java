package io.regtrack.metrics;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.run;
import static io.regtrack.testing.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A scrape of /q/metrics after uploads shows them: counted by status, timed, and their verdicts. */
@QuarkusTest
class MetricsTest {

    @Inject
    DataSource dataSource;

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series, 0 when it is not there yet. */
    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.E+-]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void uploadsVerdictsAndLatencyAreCounted() {
        String slug = project("metrics", false);
        String ingest = token(slug, "ingest");
        String before = scrape();

        as(ingest)
                .body(run(1, "main", "\"idempotencyKey\": \"metrics-1\""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        as(ingest)
                .body(run(1, "main", "\"idempotencyKey\": \"metrics-1\""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(200);
        as(ingest)
                .body("{\"commit\": \"nope\"}")
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body(run(2, "main", null))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(401);
        String after = scrape();

        for (String status : new String[] {"201", "200", "400", "401"}) {
            String series = "regtrack_uploads_total{status=\"" + status + "\"}";
            assertThat(value(after, series) - value(before, series)).as(series).isEqualTo(1);
        }
        String timed = "regtrack_upload_seconds_count{status=\"201\"}";
        assertThat(value(after, timed) - value(before, timed)).isEqualTo(1);
        assertThat(after).contains("regtrack_upload_seconds_bucket{status=\"201\",le=");

        // The first run has no release to be judged against: both of its measurements are new,
        // and the replay is not counted again.
        for (String kind : new String[] {"size", "runtime"}) {
            String series = "regtrack_verdicts_total{kind=\"" + kind + "\",status=\"new\"}";
            assertThat(value(after, series) - value(before, series)).as(series).isEqualTo(1);
        }
        String judged = "regtrack_runs_judged_total{status=\"no-baseline\"}";
        assertThat(value(after, judged) - value(before, judged)).isEqualTo(1);
    }

    @Test
    void alertsAreReportedByTriageStatusAsStored() throws Exception {
        String metrics = scrape();
        for (String status : new String[] {"open", "acknowledged", "dismissed", "fixed"}) {
            String series = "regtrack_alerts{status=\"" + status + "\"}";
            assertThat(metrics).contains(series);
            assertThat(value(metrics, series)).as(series).isEqualTo(stored(status));
        }
    }

    @Test
    void theConnectionPoolIsReported() {
        assertThat(scrape()).contains("agroal_active_count", "agroal_available_count");
    }

    private long stored(String status) throws Exception {
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("select count(*) from alerts where status = ?")) {
            s.setString(1, status);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
