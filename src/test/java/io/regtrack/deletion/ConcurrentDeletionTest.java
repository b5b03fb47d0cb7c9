package io.regtrack.deletion;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Uploads that arrive while a run or a project is deleted see it either whole or gone, never half. */
@QuarkusTest
class ConcurrentDeletionTest {

    @Inject
    DataSource db;

    @Test
    void uploadsJudgedWhileTheirBaselineIsDeletedAreJudgedWithoutIt() {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 3; round++) {
                String slug = project("delete-race", false);
                String ci = token(slug, "ingest");
                long release = RunDeletionApiTest.upload(slug, ci, 1, 100_000, "v1.0.0");
                List<CompletableFuture<Integer>> calls = new ArrayList<>();
                IntStream.rangeClosed(2, 6)
                        .forEach(n -> calls.add(CompletableFuture.supplyAsync(
                                () -> as(ci).body(RunDeletionApiTest.body(n, 150_000 + n, null))
                                        .post("/api/v1/projects/" + slug + "/runs")
                                        .statusCode(),
                                pool)));
                calls.add(CompletableFuture.supplyAsync(
                        () -> admin().delete("/api/v1/projects/" + slug + "/runs/" + release)
                                .statusCode(),
                        pool));
                assertThat(calls.stream().map(CompletableFuture::join)).containsExactly(201, 201, 201, 201, 201, 204);

                // Every stored status is the one a comparison made now gives, and none names the deleted run.
                assertThat(Rows.count(
                                db,
                                "select count(*) from runs r join projects p on p.id = r.project_id where p.slug = ?"
                                        + " and r.comparison -> 'baseline' ->> 'runId' = ?",
                                slug,
                                Long.toString(release)))
                        .isZero();
                for (var run : Rows.of(
                        db,
                        "select r.id, r.status from runs r join projects p on p.id = r.project_id where p.slug = ?",
                        slug)) {
                    as(ci).get("/api/v1/projects/" + slug + "/runs/" + run.get("id") + "/comparison")
                            .then()
                            .statusCode(200)
                            .body("status", org.hamcrest.Matchers.equalTo(run.get("status")));
                }
                assertThat(Rows.runs(db, slug)).isEqualTo(5);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void uploadsWhileTheirProjectIsDeletedAreStoredBeforeOrRefusedAfter() {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            String slug = project("gone-race", false);
            String ci = token(slug, "ingest");
            long id = Rows.count(db, "select id from projects where slug = ?", slug);
            RunDeletionApiTest.upload(slug, ci, 1, 100_000, null);
            List<CompletableFuture<Integer>> uploads = new ArrayList<>();
            IntStream.rangeClosed(2, 7)
                    .forEach(n -> uploads.add(CompletableFuture.supplyAsync(
                            () -> as(ci).body(RunDeletionApiTest.body(n, 150_000, null))
                                    .post("/api/v1/projects/" + slug + "/runs")
                                    .statusCode(),
                            pool)));
            admin().body("{\"confirm\": \"" + slug + "\"}")
                    .delete("/api/v1/projects/" + slug)
                    .then()
                    .statusCode(204);
            assertThat(uploads.stream().map(CompletableFuture::join))
                    .allMatch(status -> status == 201 || status == 401 || status == 403 || status == 404);
            for (String table : List.of("runs", "measurements", "alerts", "series_catalog", "series_block_marks")) {
                assertThat(Rows.count(db, "select count(*) from " + table + " where project_id = ?", id))
                        .as(table)
                        .isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTriageWhileItsAlertIsDeletedIsAnsweredWholeOrNotFound() {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 3; round++) {
                String slug = project("triage-race", false);
                String ci = token(slug, "ingest");
                for (int n = 1; n <= 4; n++) {
                    RunDeletionApiTest.upload(slug, ci, n, 100_000, null);
                }
                long spike = RunDeletionApiTest.upload(slug, ci, 5, 150_000, null);
                RunDeletionApiTest.upload(slug, ci, 6, 100_000, null);
                List<Long> alerts = RunDeletionApiTest.alerts(slug).getList("id", Long.class);
                assertThat(alerts).hasSize(2);
                // Triages of both alerts keep coming until the deletion has answered.
                java.util.concurrent.atomic.AtomicBoolean deleted = new java.util.concurrent.atomic.AtomicBoolean();
                List<CompletableFuture<List<Integer>>> triages = new ArrayList<>();
                for (int worker = 0; worker < 4; worker++) {
                    long alert = alerts.get(worker % 2);
                    triages.add(CompletableFuture.supplyAsync(
                            () -> {
                                List<Integer> answers = new ArrayList<>();
                                for (int i = 0; !deleted.get() || i == 0; i++) {
                                    answers.add(as(ci).body(Map.of(
                                                    "status", i % 2 == 0 ? "acknowledged" : "open", "note", "racing"))
                                            .patch("/api/v1/projects/" + slug + "/alerts/" + alert)
                                            .statusCode());
                                }
                                return answers;
                            },
                            pool));
                }
                admin().delete("/api/v1/projects/" + slug + "/runs/" + spike)
                        .then()
                        .statusCode(204);
                deleted.set(true);
                // Before the deletion, or after it found the alert gone: never a failure.
                assertThat(triages.stream().flatMap(t -> t.join().stream())).allMatch(s -> s == 200 || s == 404);
                assertThat(RunDeletionApiTest.alerts(slug).getList("")).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
