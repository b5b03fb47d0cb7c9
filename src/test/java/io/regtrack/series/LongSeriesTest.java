package io.regtrack.series;

import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.LongHistory;
import io.regtrack.testing.Rows;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A long series is read from its blocks and answers as its stored points do, also after a late upload. */
@QuarkusTest
class LongSeriesTest {

    private static final String RELEASE = "release";
    private static final String TARGET = "x86_64-unknown-linux-gnu";

    @Inject
    DataSource db;

    private static JsonPath series(String slug, boolean named, String range) {
        var request = anonymous().queryParam("kind", "size").queryParam("name", "app");
        if (named) {
            request = request.queryParam("profile", RELEASE).queryParam("target", TARGET);
        }
        return request.get("/api/v1/projects/" + slug + "/series" + range)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private long marks(String slug) {
        return Rows.count(
                db,
                "select count(*) from series_block_marks b join projects p on p.id = b.project_id where p.slug = ?",
                slug);
    }

    private long blocks(String slug) {
        return Rows.count(
                db,
                "select count(*) from series_blocks b join projects p on p.id = b.project_id where p.slug = ?",
                slug);
    }

    @Test
    void aLongSeriesReadsFromBlocksAsFromItsPoints() {
        String slug = "long-series-" + System.nanoTime();
        LongHistory.seed(db, slug, 5_000);
        JsonPath fromBlocks = series(slug, true, "");
        assertThat(blocks(slug)).isEqualTo(4); // 4 × 1,024 points sealed, 904 read as they are
        JsonPath fromPoints = series(slug, false, ""); // every profile at once: the stored points
        assertThat(fromBlocks.getInt("total")).isEqualTo(5_000).isEqualTo(fromPoints.getInt("total"));
        assertThat(fromBlocks.getList("points")).hasSizeLessThanOrEqualTo(1_000);
        assertThat(fromBlocks.getString("points[0].commit")).isEqualTo(fromPoints.getString("points[0].commit"));
        assertThat(fromBlocks.getString("points[-1].commit")).isEqualTo(fromPoints.getString("points[-1].commit"));
        // The size step at two thirds and the profile change are kept.
        List<Float> values = fromBlocks.getList("points.value", Float.class);
        assertThat(values).anyMatch(v -> v < 300_007).anyMatch(v -> v >= 330_000);
        assertThat(fromBlocks.getList("annotations.changes.flatten()")).containsExactly("lto: fat → false");
        assertThat(fromBlocks.getList("annotations.commit")).isEqualTo(fromPoints.getList("annotations.commit"));
        // A window reads blocks inside it and points at its edges: the same count as the points.
        String window = "?from=2020-02-01T00:00:00Z&to=2020-05-01T00:00:00Z";
        assertThat(series(slug, true, window).getInt("total"))
                .isEqualTo(series(slug, false, window).getInt("total"));
    }

    @Test
    void aVeryLongSeriesReadsFromBlocksOfBothLevelsAsFromItsPoints() {
        String slug = "longer-series-" + System.nanoTime();
        LongHistory.seed(db, slug, 20_000);
        JsonPath fromBlocks = series(slug, true, "");
        assertThat(blocks(slug)).isEqualTo(19 + 1); // 19 blocks of 1,024 points, one of 16 of them
        JsonPath fromPoints = series(slug, false, "");
        assertThat(fromBlocks.getInt("total")).isEqualTo(20_000).isEqualTo(fromPoints.getInt("total"));
        assertThat(fromBlocks.getString("points[0].commit")).isEqualTo(fromPoints.getString("points[0].commit"));
        assertThat(fromBlocks.getString("points[-1].commit")).isEqualTo(fromPoints.getString("points[-1].commit"));
        assertThat(fromBlocks.getList("annotations.commit")).isEqualTo(fromPoints.getList("annotations.commit"));
        List<Float> values = fromBlocks.getList("points.value", Float.class);
        assertThat(values).anyMatch(v -> v < 300_007).anyMatch(v -> v >= 330_000);
        for (String window : List.of(
                "?from=2020-01-20T00:00:00Z&to=2021-12-01T00:00:00Z",
                "?from=2020-03-01T00:00:00Z",
                "?to=2021-06-01T00:00:00Z")) {
            assertThat(series(slug, true, window).getInt("total"))
                    .as(window)
                    .isEqualTo(series(slug, false, window).getInt("total"));
        }
    }

    @Test
    void aLateUploadInsideASealedBlockIsCountedAtTheNextRead() {
        String slug = "late-series-" + System.nanoTime();
        LongHistory.seed(db, slug, 3_000);
        assertThat(series(slug, true, "").getInt("total")).isEqualTo(3_000);
        assertThat(blocks(slug)).isEqualTo(2);
        // A run committed early in the history (inside the first block) arrives now.
        io.regtrack.testing.Api.as(token(slug, "ingest"))
                .body("""
                        {"commit": "%040x", "branch": "main", "committedAt": "2020-01-05T00:30:00Z",
                         "toolchain": {"rustc": "1.95.0", "target": "%s"}, "profile": {"name": "%s"},
                         "measurements": [{"kind": "size", "name": "app", "value": 999999}]}
                        """.formatted(0xfeed, TARGET, RELEASE))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        // It left a mark, for a reader that was sealing a block from rows that did not show it yet.
        assertThat(marks(slug)).isEqualTo(1);
        JsonPath after = series(slug, true, "");
        assertThat(marks(slug)).isZero();
        assertThat(after.getInt("total")).isEqualTo(3_001);
        assertThat(after.getList("points.value", Float.class)).contains(999_999f);
        assertThat(blocks(slug)).isEqualTo(2);
    }
}
