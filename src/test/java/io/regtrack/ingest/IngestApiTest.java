package io.regtrack.ingest;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.run;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IngestApiTest {

    @Inject
    DataSource db;

    @Test
    void aFirstRunIsStoredAndAnsweredWithANoBaselineComparison() {
        String slug = project("first", false);
        String ingest = token(slug, "ingest");
        int runId = as(ingest)
                .body(run(7, "main", "\"message\": \"Shrink tables\", \"pullRequest\": 42"))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .body("commit", equalTo(sha(7)))
                .body("branch", equalTo("main"))
                .body("baseline", nullValue())
                .body("status", equalTo("no-baseline"))
                .body("verdicts", hasSize(2))
                .body("verdicts.find { it.name == 'myapp' }.status", equalTo("new"))
                .body("verdicts.find { it.name == 'myapp' }.current", equalTo(300007))
                .body("verdicts.find { it.name == 'myapp' }.unit", equalTo("bytes"))
                .body("verdicts.find { it.name == 'startup' }.current", equalTo(0.00081f))
                .body("verdicts.find { it.name == 'startup' }.unit", equalTo("seconds"))
                .body("profileChanges", hasSize(0))
                .body("toolchainChanges", hasSize(0))
                .body("markdown", containsString("myapp"))
                .body("markdown", containsString("293.0 KiB (300,007 B)"))
                .body("url", containsString("/projects/" + slug + "/runs/"))
                .extract()
                .path("runId");

        as(ingest)
                .get("/api/v1/projects/" + slug + "/runs/" + runId)
                .then()
                .statusCode(200)
                .body("id", equalTo(runId))
                .body("message", equalTo("Shrink tables"))
                .body("pullRequest", equalTo(42))
                .body("committedAt", equalTo("2026-11-08T10:00:00Z"))
                .body("toolchain.rustc", equalTo("1.95.0"))
                .body("profile.name", equalTo("release"))
                .body("profile.effective.lto.value", equalTo("fat"))
                .body("profile.effective.lto.source", equalTo("upload"))
                .body("measurements", hasSize(2))
                .body("measurements.find { it.kind == 'runtime' }.samples", hasSize(3))
                .body("measurements.find { it.kind == 'size' }.value", equalTo(300007));
        assertThat(Rows.measurements(db, slug)).isEqualTo(2);
    }

    @Test
    void runsArePagedNewestCommitFirst() {
        String slug = project("paging", true);
        String ingest = token(slug, "ingest");
        for (int n = 1; n <= 5; n++) {
            as(ingest)
                    .body(run(n, n % 2 == 0 ? "feature/x" : "main", null))
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201);
        }
        String next = as(ingest)
                .queryParam("limit", 2)
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(200)
                .body("runs.commit", equalTo(List.of(sha(5), sha(4))))
                .extract()
                .path("next");
        next = as(ingest)
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(200)
                .body("runs.commit", equalTo(List.of(sha(3), sha(2))))
                .extract()
                .path("next");
        as(ingest)
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(200)
                .body("runs.commit", equalTo(List.of(sha(1))))
                .body("next", nullValue());
        as(ingest)
                .queryParam("branch", "feature/x")
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .body("runs.commit", equalTo(List.of(sha(4), sha(2))));
        as(ingest)
                .queryParam("limit", 0)
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400);
        as(ingest)
                .queryParam("cursor", "garbage")
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void aReplayedIdempotencyKeyAnswersTheStoredComparisonAndStoresNothing() {
        String slug = project("replay", false);
        String ingest = token(slug, "ingest");
        String body = run(3, "main", "\"idempotencyKey\": \"gh-1-1-build\"");
        String first = as(ingest)
                .body(body)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        String again = as(ingest)
                .body(body)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // the same answer, member for member (PostgreSQL keeps a JSON object's members in its own order)
        assertThat(json(again)).isEqualTo(json(first));
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
        assertThat(Rows.measurements(db, slug)).isEqualTo(2);

        as(ingest)
                .body(run(4, "main", "\"idempotencyKey\": \"gh-1-1-build\""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("gh-1-1-build"));
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
    }

    @Test
    void tenIdenticalUploadsAtOnceStoreOneRun() throws Exception {
        String slug = project("race", false);
        String ingest = token(slug, "ingest");
        String body = run(9, "main", "\"idempotencyKey\": \"gh-race-1\"");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Response>> uploads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            uploads.add(() -> {
                start.await();
                return as(ingest).body(body).post("/api/v1/projects/" + slug + "/runs");
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (Callable<Response> upload : uploads) {
                answers.add(pool.submit(upload));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<Object> runIds = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                runIds.add(response.path("runId"));
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(runIds).containsOnly(runIds.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
        assertThat(Rows.measurements(db, slug)).isEqualTo(2);
    }

    @Test
    void unknownFieldsAreAcceptedAndIgnored() {
        String slug = project("extra", false);
        as(token(slug, "ingest"))
                .body(run(1, "main", "\"futureField\": {\"nested\": [1, 2]}, \"workflow\": \"build\""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
    }

    @Test
    void fiveThousandMeasurementsAreStoredInOneRun() {
        String slug = project("wide", false);
        StringBuilder measurements = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            measurements
                    .append(i == 0 ? "" : ",")
                    .append("{\"kind\":\"size\",\"name\":\"bin-")
                    .append(i)
                    .append("\",\"value\":")
                    .append(1000 + i)
                    .append('}');
        }
        as(token(slug, "ingest"))
                .body("{\"commit\":\"" + sha(1) + "\",\"branch\":\"main\",\"measurements\":[" + measurements + "]}")
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .body("verdicts", hasSize(5_000));
        assertThat(Rows.measurements(db, slug)).isEqualTo(5_000);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
