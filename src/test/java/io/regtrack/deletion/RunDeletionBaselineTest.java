package io.regtrack.deletion;

import static io.regtrack.deletion.RunDeletionApiTest.body;
import static io.regtrack.deletion.RunDeletionApiTest.delete;
import static io.regtrack.deletion.RunDeletionApiTest.upload;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A deleted run is no baseline any more: its release falls back, and what was judged against it is judged again. */
@QuarkusTest
class RunDeletionBaselineTest {

    @Inject
    DataSource db;

    @Test
    void aReleaseFallsBackToItsCommitsOtherRunsAndLaterRunsAreJudgedAgain() {
        String slug = project("delete-release", false);
        String ci = token(slug, "ingest");
        long first = upload(slug, ci, 1, 100_000, "v1.0.0");
        long rebuild = as(ci).body(body(1, 100_000, "v1.0.0").replace("\"branch\"", "\"ciUrl\": \"again\", \"branch\""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("runId");
        String later = body(2, 150_000, null).replace("\"branch\"", "\"idempotencyKey\": \"later\", \"branch\"");
        long head = as(ci).body(later)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .body("baseline.runId", equalTo((int) rebuild))
                .body("status", equalTo("regressed"))
                .extract()
                .jsonPath()
                .getLong("runId");

        delete(slug, rebuild);
        String comparison = "/api/v1/projects/" + slug + "/runs/" + head + "/comparison";
        as(ci).get(comparison).then().statusCode(200).body("baseline.runId", equalTo((int) first));
        as(ci).get("/api/v1/projects/" + slug + "/releases").then().body("tag", equalTo(List.of("v1.0.0")));
        // What is stored for the run (its status, the answer a replay gets) no longer names the deleted run.
        as(ci).body(later)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(200)
                .body("baseline.runId", equalTo((int) first))
                .body("status", equalTo("regressed"));

        delete(slug, first);
        // The release stays (a tag of the commit) with no run to judge against until one is uploaded again.
        as(ci).get("/api/v1/projects/" + slug + "/releases").then().body("tag", equalTo(List.of("v1.0.0")));
        as(ci).get(comparison).then().statusCode(200).body("status", equalTo("no-baseline"));
        as(ci).get("/api/v1/projects/" + slug + "/runs/" + head).then().body("status", equalTo("no-baseline"));
        assertThat(Rows.count(
                        db,
                        "select count(*) from runs r join projects p on p.id = r.project_id where p.slug = ?"
                                + " and r.comparison -> 'baseline' ->> 'runId' in (?, ?)",
                        slug,
                        Long.toString(first),
                        Long.toString(rebuild)))
                .isZero();
        // The run uploaded again is the release's baseline again.
        long again = upload(slug, ci, 1, 100_000, "v1.0.0");
        as(ci).get(comparison).then().body("baseline.runId", equalTo((int) again));
    }
}
