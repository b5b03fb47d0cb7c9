package io.regtrack.deletion;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.LongHistory;
import io.regtrack.testing.Rows;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A deleted run's points leave the series, the charts, the sealed blocks and the series catalogue. */
@QuarkusTest
class RunDeletionSeriesTest {

    private static final String TARGET = "x86_64-unknown-linux-gnu";

    @Inject
    DataSource db;

    private static JsonPath series(String slug, boolean named) {
        var request = anonymous().queryParam("kind", "size").queryParam("name", "app");
        if (named) {
            request = request.queryParam("profile", "release").queryParam("target", TARGET);
        }
        return request.get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private long blocks(String slug) {
        return Rows.count(
                db,
                "select count(*) from series_blocks b join projects p on p.id = b.project_id where p.slug = ?",
                slug);
    }

    private long runOf(String slug, int n) {
        return Rows.count(
                db,
                "select r.id from runs r join projects p on p.id = r.project_id where p.slug = ? and r.commit_sha = ?",
                slug,
                String.format("%040x", n));
    }

    @Test
    void aRunDeletedInsideASealedBlockLeavesTheSeriesTheChartsAndTheBlocks() {
        String slug = "delete-long-" + System.nanoTime();
        LongHistory.seed(db, slug, 3_000);
        JsonPath before = series(slug, true);
        assertThat(before.getInt("total")).isEqualTo(3_000);
        assertThat(blocks(slug)).isEqualTo(2);
        long first = runOf(slug, 1);
        long inside = runOf(slug, 100);

        admin().delete("/api/v1/projects/" + slug + "/runs/" + inside).then().statusCode(204);
        admin().delete("/api/v1/projects/" + slug + "/runs/" + first).then().statusCode(204);

        JsonPath fromBlocks = series(slug, true);
        JsonPath fromPoints = series(slug, false);
        assertThat(fromBlocks.getInt("total")).isEqualTo(2_998).isEqualTo(fromPoints.getInt("total"));
        assertThat(fromBlocks.getList("points.runId", Long.class)).doesNotContain(first, inside);
        assertThat(fromBlocks.getString("points[0].commit")).isEqualTo(String.format("%040x", 2));
        assertThat(fromBlocks.getString("points[0].commit")).isEqualTo(fromPoints.getString("points[0].commit"));
        assertThat(blocks(slug)).isEqualTo(2); // sealed again from the stored points
        assertThat(Rows.count(
                        db,
                        "select count(*) from series_blocks b join projects p on p.id = b.project_id"
                                + " where p.slug = ? and (? = any(b.run_ids) or ? = any(b.run_ids))",
                        slug,
                        first,
                        inside))
                .isZero();
        JsonPath charts = anonymous()
                .get("/api/v1/projects/" + slug + "/charts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(charts.getList("charts.total", Integer.class)).containsOnly(2_998);
        assertThat(charts.getList("runs.id", Long.class)).doesNotContain(first, inside);
        assertThat(anonymous()
                        .get("/api/v1/projects/" + slug + "/series/index")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("points", Integer.class))
                .containsOnly(2_998);
    }

    @Test
    void aSeriesWhoseLastRunIsDeletedLeavesTheCatalogue() {
        String slug = project("delete-catalogue", true);
        String ci = token(slug, "ingest");
        long run = as(ci).body("""
                        {"commit": "%040x", "branch": "feature/x", "committedAt": "2025-01-01T00:00:00Z",
                         "measurements": [{"kind": "size", "name": "lonely", "value": 1000}]}
                        """.formatted(7))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("runId");
        String catalogue = "select count(*) from series_catalog c join projects p on p.id = c.project_id"
                + " where p.slug = ? and c.branch = 'feature/x'";
        assertThat(Rows.count(db, catalogue, slug)).isEqualTo(1);

        admin().delete("/api/v1/projects/" + slug + "/runs/" + run).then().statusCode(204);
        assertThat(Rows.count(db, catalogue, slug)).isZero();
        assertThat(anonymous()
                        .queryParam("branch", "feature/x")
                        .get("/api/v1/projects/" + slug + "/series/index")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList(""))
                .isEmpty();
    }
}
