package io.regtrack.ingest;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Uploads that arrive together, as the jobs of one CI matrix do, are all stored, each exactly once. */
@QuarkusTest
class ConcurrentUploadTest {

    @Inject
    DataSource db;

    private static String run(int commit, String tag, String target, long size, String key) {
        return """
                {"commit": "%s", "branch": "main", %s "committedAt": "2026-07-%02dT00:00:00Z", "idempotencyKey": "%s",
                 "toolchain": {"target": "%s"}, "profile": {"name": "release"},
                 "measurements": [{"kind": "size", "name": "app", "value": %d}]}
                """.formatted(sha(commit), tag == null ? "" : "\"tag\": \"" + tag + "\",", commit, key, target, size);
    }

    private static List<Integer> together(List<String> bodies, String slug, String ingest) {
        return bodies.stream()
                .map(body -> CompletableFuture.supplyAsync(() -> as(ingest)
                        .body(body)
                        .post("/api/v1/projects/" + slug + "/runs")
                        .statusCode()))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();
    }

    @Test
    void theJobsOfOneReleaseTagAllLandAndMakeOneRelease() {
        String slug = project("matrix-tag", false);
        String ingest = token(slug, "ingest");
        List<String> bodies = IntStream.range(0, 8)
                .mapToObj(i -> run(1, "v1.0.0", "target-" + i, 1000 + i, "tag-job-" + i))
                .toList();
        assertThat(together(bodies, slug, ingest)).containsOnly(201);
        assertThat(Rows.runs(db, slug)).isEqualTo(8);
        assertThat(Rows.count(
                        db,
                        "select count(*) from releases r join projects p on p.id = r.project_id where p.slug = ?",
                        slug))
                .isEqualTo(1);
    }

    @Test
    void regressionsOfOneSeriesArrivingTogetherOpenOneAlert() {
        String slug = project("matrix-alert", false);
        String ingest = token(slug, "ingest");
        as(ingest)
                .body(run(1, "v1.0.0", "x86_64-unknown-linux-gnu", 100_000, "base"))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        List<String> bodies = IntStream.range(2, 10)
                .mapToObj(n -> run(n, null, "x86_64-unknown-linux-gnu", 200_000 + n, "grown-" + n))
                .toList();
        assertThat(together(bodies, slug, ingest)).containsOnly(201);
        assertThat(Rows.runs(db, slug)).isEqualTo(9);
        assertThat(Rows.count(
                        db,
                        "select count(*) from alerts a join projects p on p.id = a.project_id where p.slug = ?",
                        slug))
                .isEqualTo(1);
    }
}
