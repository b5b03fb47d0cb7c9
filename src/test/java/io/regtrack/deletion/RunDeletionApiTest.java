package io.regtrack.deletion;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A bad run is deleted by an admin: its alerts are decided again, and what was judged against it is judged again. */
@QuarkusTest
class RunDeletionApiTest {

    static final Instant START = Instant.parse("2025-03-01T00:00:00Z");

    @Inject
    DataSource db;

    /** An upload of commit {@code n}, {@code n} hours after the start, with one size. */
    static String body(int n, long size, String tag) {
        return """
                {"commit": "%s", "branch": "main", %s "committedAt": "%s",
                 "toolchain": {"target": "x86_64-unknown-linux-gnu"}, "profile": {"name": "release"},
                 "measurements": [{"kind": "size", "name": "app", "unit": "bytes", "value": %d}]}
                """.formatted(
                        sha(n), tag == null ? "" : "\"tag\": \"" + tag + "\",", START.plus(n, ChronoUnit.HOURS), size);
    }

    static long upload(String slug, String ci, int n, long size, String tag) {
        return as(ci).body(body(n, size, tag))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("runId");
    }

    static void delete(String slug, long run) {
        admin().delete("/api/v1/projects/" + slug + "/runs/" + run).then().statusCode(204);
    }

    static JsonPath alerts(String slug) {
        return admin().queryParam("direction", "any")
                .get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void onlyAnAdminDeletesARun() {
        String slug = project("delete-access", false);
        String ci = token(slug, "ingest");
        String reader = token(slug, "read");
        String other = token(project("delete-other", false), "ingest");
        String otherAdmin = token(project("delete-other-admin", false), "admin");
        String ownAdmin = token(slug, "admin");
        long run = upload(slug, ci, 1, 100_000, null);
        long second = upload(slug, ci, 2, 100_000, null);
        String path = "/api/v1/projects/" + slug + "/runs/" + run;

        anonymous().delete(path).then().statusCode(401).contentType("application/problem+json");
        as(reader).delete(path).then().statusCode(403).contentType("application/problem+json");
        as(ci).delete(path).then().statusCode(403).contentType("application/problem+json");
        as(other).delete(path).then().statusCode(403).contentType("application/problem+json");
        as(otherAdmin).delete(path).then().statusCode(403).contentType("application/problem+json");
        assertThat(Rows.runs(db, slug)).isEqualTo(2);

        // The project's own admin may; the deletion is in its audit trail, by that token.
        as(ownAdmin)
                .delete("/api/v1/projects/" + slug + "/runs/" + second)
                .then()
                .statusCode(204);
        as(ownAdmin)
                .get("/api/v1/projects/" + slug + "/audit?action=run.deleted")
                .then()
                .statusCode(200)
                .body("entries.size()", equalTo(1))
                .body("entries[0].subject", equalTo("run " + second))
                .body("entries[0].actor.name", equalTo("test admin"))
                .body("entries[0].detail.branch", equalTo("main"));

        admin().delete(path).then().statusCode(204);
        assertThat(Rows.runs(db, slug)).isZero();
        assertThat(Rows.measurements(db, slug)).isZero();
        as(reader).get(path).then().statusCode(404).contentType("application/problem+json");
        // Deleted already: the same answer, and nothing changes (nor is anything recorded).
        admin().delete(path).then().statusCode(204);
        admin().get("/api/v1/projects/" + slug + "/audit?action=run.deleted")
                .then()
                .body("entries.size()", equalTo(2));
        admin().delete("/api/v1/projects/" + slug + "/runs/987654321").then().statusCode(204);
        admin().delete("/api/v1/projects/no-such-project/runs/" + run)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        admin().delete("/api/v1/projects/" + slug + "/runs/not-a-number")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void deletingTheCulpritMovesTheAlertAndDeletingTheWholeStepRemovesIt() {
        String slug = project("delete-culprit", false);
        String ci = token(slug, "ingest");
        long[] runs = new long[9];
        for (int n = 1; n <= 8; n++) {
            runs[n] = upload(slug, ci, n, n < 6 ? 100_000 : 150_000, null);
        }
        JsonPath before = alerts(slug);
        assertThat(before.getList("")).hasSize(1);
        assertThat(before.getLong("[0].culprit.runId")).isEqualTo(runs[6]);
        long alert = before.getLong("[0].id");
        as(ci).body(Map.of("status", "acknowledged", "note", "the new parser"))
                .patch("/api/v1/projects/" + slug + "/alerts/" + alert)
                .then()
                .statusCode(200);

        delete(slug, runs[6]);
        JsonPath moved = alerts(slug);
        assertThat(moved.getList("")).hasSize(1);
        assertThat(moved.getLong("[0].id")).isEqualTo(alert);
        assertThat(moved.getString("[0].culprit.commit")).isEqualTo(sha(7));
        assertThat(moved.getLong("[0].culprit.runId")).isEqualTo(runs[7]);
        assertThat(moved.getLong("[0].detectedAt.runId")).isEqualTo(runs[7]);
        assertThat(moved.getList("[0].suspects")).containsExactly(sha(7));
        assertThat(moved.getDouble("[0].before")).isEqualTo(100_000);
        assertThat(moved.getDouble("[0].after")).isEqualTo(150_000);
        assertThat(moved.getString("[0].status")).isEqualTo("acknowledged");
        assertThat(moved.getString("[0].note")).isEqualTo("the new parser");

        delete(slug, runs[7]);
        assertThat(alerts(slug).getLong("[0].culprit.runId")).isEqualTo(runs[8]);
        delete(slug, runs[8]);
        assertThat(alerts(slug).getList("")).isEmpty();
        assertThat(Rows.count(
                        db,
                        "select count(*) from alerts a join projects p on p.id = a.project_id where p.slug = ?",
                        slug))
                .isZero();
    }

    @Test
    void aSpikeDeletedTakesItsRegressionAndItsFixWithIt() {
        String slug = project("delete-spike", false);
        String ci = token(slug, "ingest");
        for (int n = 1; n <= 4; n++) {
            upload(slug, ci, n, 100_000, null);
        }
        long spike = upload(slug, ci, 5, 150_000, null);
        upload(slug, ci, 6, 100_000, null);
        JsonPath before = alerts(slug);
        assertThat(before.getList("direction")).containsExactlyInAnyOrder("regression", "improvement");
        assertThat(before.getList("status")).contains("fixed");

        delete(slug, spike);
        assertThat(alerts(slug).getList("")).isEmpty();
        // The history reads as if the spike had never been uploaded.
        JsonPath series = series(slug, ci).body("total", equalTo(5)).extract().jsonPath();
        assertThat(series.getList("points.value", Double.class)).hasSize(5).containsOnly(100_000.0);
    }

    @Test
    void aRegressionFixedByADeletedRunFollowsItsFix() {
        String slug = project("delete-fix", false);
        String ci = token(slug, "ingest");
        long[] runs = new long[9];
        for (int n = 1; n <= 7; n++) {
            runs[n] = upload(slug, ci, n, n < 5 || n == 7 ? 100_000 : 150_000, null);
        }
        runs[8] = upload(slug, ci, 8, 100_000, null);
        JsonPath regression = admin().get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .extract()
                .jsonPath();
        assertThat(regression.getString("[0].status")).isEqualTo("fixed");
        assertThat(regression.getString("[0].note")).endsWith("from commit " + sha(7));

        delete(slug, runs[7]); // the level came back at the next run: the fix moves there
        JsonPath moved = admin().get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .extract()
                .jsonPath();
        assertThat(moved.getString("[0].status")).isEqualTo("fixed");
        assertThat(moved.getString("[0].note")).endsWith("from commit " + sha(8));

        delete(slug, runs[8]); // no run brings it back any more: open again
        JsonPath open = admin().get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .extract()
                .jsonPath();
        assertThat(open.getString("[0].status")).isEqualTo("open");
        assertThat(open.getLong("[0].culprit.runId")).isEqualTo(runs[5]);
        assertThat(alerts(slug).getList("direction")).containsExactly("regression");
    }

    private static io.restassured.response.ValidatableResponse series(String slug, String token) {
        return as(token)
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(200);
    }
}
