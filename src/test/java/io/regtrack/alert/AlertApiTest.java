package io.regtrack.alert;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Regressions on tracked branches open alerts that name the culprit commit, and can be triaged. */
@QuarkusTest
class AlertApiTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private static String body(String commit, int n, String branch, String tag, String measurement) {
        return """
                {"commit": "%s", "branch": "%s", %s "committedAt": "%s",
                 "toolchain": {"target": "x86_64-unknown-linux-gnu"}, "profile": {"name": "release"},
                 "measurements": [%s]}
                """.formatted(
                        commit,
                        branch,
                        tag == null ? "" : "\"tag\": \"" + tag + "\",",
                        START.plus(n, ChronoUnit.HOURS),
                        measurement);
    }

    /**
     * The ray executable's real size history replayed as CI posts it (a release every 25 commits,
     * every byte counted): every step is an alert at its exact commit, in its direction, and a
     * regression is fixed exactly when a later step brings the size back to where it started.
     */
    @Test
    void everyRaySizeStepIsAnAlertAtItsExactCommit() throws Exception {
        JsonNode suite;
        try (InputStream in = getClass().getResourceAsStream("/eval/ray-executable-size.json")) {
            suite = new ObjectMapper().readTree(in).at("/suites/Benchmark");
        }
        String slug = project("ray", false);
        String ci = token(slug, "ingest");
        admin().body(Map.of("measurements", Map.of("ray", Map.of("size", Map.of("percent", 0, "bytes", 0)))))
                .put("/api/v1/projects/" + slug + "/thresholds")
                .then()
                .statusCode(200);
        admin().body(Map.of("releasePattern", "^r\\d+$"))
                .patch("/api/v1/projects/" + slug)
                .then()
                .statusCode(200);

        List<String> commits = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (JsonNode point : suite.at("/benches/Benchmark - Executable Size/points")) {
            int i = commits.size();
            String shortSha =
                    suite.get("commits").get(point.get(0).asInt()).get(0).asText();
            String commit = shortSha + String.format(Locale.ROOT, "%028x", i);
            commits.add(commit);
            sizes.add(point.get(1).asLong());
            as(ci).body(body(
                            commit,
                            i,
                            "main",
                            i % 25 == 0 ? "r" + i : null,
                            "{\"kind\": \"size\", \"name\": \"ray\", \"value\": "
                                    + point.get(1).asLong() + "}"))
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201);
        }
        Map<String, String> expected = new java.util.HashMap<>();
        Map<String, String> expectedStatus = new java.util.HashMap<>();
        for (int i = 1; i < sizes.size(); i++) {
            if (!sizes.get(i).equals(sizes.get(i - 1))) {
                boolean up = sizes.get(i) > sizes.get(i - 1);
                expected.put(commits.get(i), up ? "regression" : "improvement");
                if (up) {
                    long start = sizes.get(i - 1);
                    boolean back = false;
                    for (int j = i + 1; j < sizes.size() && !back; j++) {
                        back = sizes.get(j) < sizes.get(j - 1) && sizes.get(j) <= start;
                    }
                    expectedStatus.put(commits.get(i), back ? "fixed" : "open");
                }
            }
        }
        List<Map<String, Object>> alerts = as(ci).queryParam("direction", "any")
                .get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        Map<String, String> found = alerts.stream()
                .collect(Collectors.toMap(
                        a -> (String) ((Map<?, ?>) a.get("culprit")).get("commit"), a -> (String) a.get("direction")));
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(found).isEqualTo(expected);
        Map<String, String> statuses = alerts.stream()
                .filter(a -> a.get("direction").equals("regression"))
                .collect(Collectors.toMap(
                        a -> (String) ((Map<?, ?>) a.get("culprit")).get("commit"), a -> (String) a.get("status")));
        assertThat(statuses).isEqualTo(expectedStatus);
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.get("method")).isEqualTo("step");
            assertThat((List<?>) a.get("suspects")).hasSize(1);
            assertThat(a.get("detectedAt")).isEqualTo(a.get("culprit"));
        });
        as(ci).get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .body("direction", org.hamcrest.Matchers.everyItem(equalTo("regression")))
                .body("", hasSize(expectedStatus.size()));
    }

    @Test
    void smallStepsThatAddUpSinceTheReleaseAreACreepNamingTheCommitsThatAddedUp() {
        String slug = project("creep", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        long size = 1_000_000; // allowance: the larger of 1 % and 16 KiB, so 16,384 bytes
        as(ci).body(body(sha(1), 1, "main", "v1.0.0", size("app", size)))
                .post(runs)
                .then()
                .statusCode(201);
        for (int n = 2; n <= 5; n++) {
            size += 5_000;
            as(ci).body(body(sha(n), n, "main", null, size("app", size)))
                    .post(runs)
                    .then()
                    .statusCode(201);
        }
        size += 20_000;
        as(ci).body(body(sha(6), 6, "main", null, size("app", size)))
                .post(runs)
                .then()
                .statusCode(201);
        List<Map<String, Object>> alerts = as(ci).get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(alerts).hasSize(2);
        Map<String, Object> creep = alerts.get(1);
        assertThat(creep.get("method")).isEqualTo("creep");
        assertThat(creep.get("culprit")).isNull();
        assertThat(creep.get("suspects")).isEqualTo(List.of(sha(2), sha(3), sha(4), sha(5)));
        assertThat(((Number) creep.get("before")).longValue()).isEqualTo(1_000_000);
        assertThat(((Number) creep.get("after")).longValue()).isEqualTo(1_020_000);
        assertThat(((Map<?, ?>) creep.get("detectedAt")).get("commit")).isEqualTo(sha(5));
        assertThat(((Map<?, ?>) creep.get("release")).get("tag")).isEqualTo("v1.0.0");
        Map<String, Object> step = alerts.get(0);
        assertThat(step.get("method")).isEqualTo("step");
        assertThat(((Map<?, ?>) step.get("culprit")).get("commit")).isEqualTo(sha(6));
        assertThat(((Number) step.get("delta")).longValue()).isEqualTo(20_000);
    }

    @Test
    void oneCommitThatMovesManySeriesIsOneSummary() {
        String slug = project("summary", false);
        String ci = token(slug, "ingest");
        admin().body(Map.of("size", Map.of("percent", 0, "bytes", 0)))
                .put("/api/v1/projects/" + slug + "/thresholds")
                .then()
                .statusCode(200);
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(body(sha(1), 1, "main", "v1.0.0", sizes(100, 200, 300)))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).body(body(sha(2), 2, "main", null, sizes(110, 220, 330)))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).body(body(sha(3), 3, "main", null, sizes(105, 220, 330)))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).get("/api/v1/projects/" + slug + "/alert-summaries")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].commit", equalTo(sha(3)))
                .body("[0].improvements", equalTo(1))
                .body("[0].regressions", equalTo(0))
                .body("[1].commit", equalTo(sha(2)))
                .body("[1].regressions", equalTo(3))
                .body("[1].status", equalTo("open"))
                .body("[1].alerts.name", org.hamcrest.Matchers.containsInAnyOrder("a", "b", "c"));
        as(ci).queryParam("direction", "sideways")
                .get("/api/v1/projects/" + slug + "/alert-summaries")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("direction"));
    }

    private static String size(String name, long bytes) {
        return "{\"kind\": \"size\", \"name\": \"" + name + "\", \"value\": " + bytes + "}";
    }

    private static String sizes(long a, long b, long c) {
        return size("a", a) + ", " + size("b", b) + ", " + size("c", c);
    }

    private static String samples(double center, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, 10)
                .mapToObj(i -> String.format(Locale.ROOT, "%.6f", center * (1 + 0.01 * random.nextGaussian())))
                .collect(Collectors.joining(", "));
    }

    private static String throughputAndInstructions(double ops, long instructions, long seed) {
        return "{\"kind\": \"throughput\", \"name\": \"parse\", \"unit\": \"ops/s\", \"samples\": ["
                + samples(ops, seed) + "]}, {\"kind\": \"instructions\", \"name\": \"parse\", \"value\": "
                + instructions + "}";
    }

    private static String runtime(double center, long seed) {
        return "{\"kind\": \"runtime\", \"name\": \"parse\", \"samples\": [" + samples(center, seed) + "]}";
    }

    /**
     * Throughput is better when larger: a drop is the regression, in the verdict and the alert,
     * and a way back up fixes it. An instruction count is exact: a 2 % step (over the 1 % rule) is
     * an alert at its exact commit.
     */
    @Test
    void aThroughputDropIsTheRegressionAndAnInstructionStepIsExact() {
        String slug = project("throughput", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(body(sha(1), 1, "main", "v1.0.0", throughputAndInstructions(1000.0, 1_000_000L, 1)))
                .post(runs)
                .then()
                .statusCode(201);
        for (int n = 2; n <= 12; n++) {
            as(ci).body(body(sha(n), n, "main", null, throughputAndInstructions(1000.0, 1_000_000L + n, n)))
                    .post(runs)
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("unchanged"));
        }
        as(ci).body(body(sha(13), 13, "main", null, throughputAndInstructions(800.0, 1_020_000L, 13)))
                .post(runs)
                .then()
                .statusCode(201)
                .body("status", equalTo("regressed"))
                .body("verdicts.find { it.kind == 'throughput' }.status", equalTo("regressed"))
                .body("verdicts.find { it.kind == 'instructions' }.status", equalTo("regressed"))
                .body("verdicts.find { it.kind == 'instructions' }.test", equalTo("count-threshold"))
                .body("verdicts.find { it.kind == 'instructions' }.unit", equalTo("count"));
        for (int n = 14; n <= 24; n++) {
            as(ci).body(body(sha(n), n, "main", null, throughputAndInstructions(800.0, 1_020_000L, n)))
                    .post(runs)
                    .then()
                    .statusCode(201);
        }
        as(ci).get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("find { it.kind == 'instructions' }.method", equalTo("step"))
                .body("find { it.kind == 'instructions' }.culprit.commit", equalTo(sha(13)))
                .body("find { it.kind == 'throughput' }.method", equalTo("shift"))
                .body("find { it.kind == 'throughput' }.direction", equalTo("regression"))
                .body("find { it.kind == 'throughput' }.culprit.commit", equalTo(sha(13)));

        // Back up for good, once the slow level is long enough for four runs to stand out from it.
        for (int n = 25; n <= 29; n++) {
            as(ci).body(body(sha(n), n, "main", null, throughputAndInstructions(1000.0, 1_020_000L, n)))
                    .post(runs)
                    .then()
                    .statusCode(201);
        }
        as(ci).get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .body("find { it.kind == 'throughput' }.status", equalTo("fixed"))
                .body("find { it.kind == 'instructions' }.status", equalTo("open"));
        as(ci).queryParam("direction", "improvement")
                .get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .body("", hasSize(1))
                .body("[0].kind", equalTo("throughput"))
                .body("[0].culprit.commit", equalTo(sha(25)));
    }

    @Test
    void aSlowdownIsOneAlertAtItsCulpritAndOnlyAWayBackFixesIt() {
        String slug = project("slow", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(body(sha(1), 1, "main", "v1.0.0", runtime(0.100, 1)))
                .post(runs)
                .then()
                .statusCode(201);
        for (int n = 2; n <= 12; n++) {
            as(ci).body(body(sha(n), n, "main", null, runtime(0.100, n)))
                    .post(runs)
                    .then()
                    .statusCode(201);
        }
        for (int n = 13; n <= 21; n++) {
            as(ci).body(body(sha(n), n, "main", null, runtime(0.130, n)))
                    .post(runs)
                    .then()
                    .statusCode(201);
        }
        // A feature branch regresses too, but it is not tracked.
        as(ci).body(body(sha(99), 22, "feature/slow", null, runtime(0.200, 99)))
                .post(runs)
                .then()
                .statusCode(201)
                .body("status", equalTo("regressed"));

        as(ci).queryParam("status", "open")
                .get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].kind", equalTo("runtime"))
                .body("[0].name", equalTo("parse"))
                .body("[0].branch", equalTo("main"))
                .body("[0].direction", equalTo("regression"))
                .body("[0].method", equalTo("shift"))
                .body("[0].release.tag", equalTo("v1.0.0"))
                .body("[0].culprit.commit", equalTo(sha(13)))
                .body("[0].detectedAt.commit", equalTo(sha(16)))
                .body("[0].suspects", org.hamcrest.Matchers.contains(sha(13), sha(14), sha(15), sha(16)));
        int id = as(ci).get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .extract()
                .path("[0].id");

        String reader = token(slug, "read");
        as(reader)
                .body(Map.of("status", "acknowledged"))
                .patch("/api/v1/projects/" + slug + "/alerts/" + id)
                .then()
                .statusCode(403);
        anonymous().get("/api/v1/projects/" + slug + "/alerts").then().statusCode(401);
        as(ci).body(Map.of("status", "acknowledged", "note", "bisecting"))
                .patch("/api/v1/projects/" + slug + "/alerts/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("acknowledged"))
                .body("note", equalTo("bisecting"));
        as(ci).body(Map.of("status", "wontfix"))
                .patch("/api/v1/projects/" + slug + "/alerts/" + id)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"));
        as(ci).body(Map.of("status", "fixed"))
                .patch("/api/v1/projects/" + slug + "/alerts/999999")
                .then()
                .statusCode(404);
        as(ci).queryParam("status", "bogus")
                .get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .statusCode(400);

        // One run that happens to be fast again fixes nothing.
        as(ci).body(body(sha(23), 23, "main", null, runtime(0.100, 23)))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).get("/api/v1/projects/" + slug + "/alerts").then().body("[0].status", equalTo("acknowledged"));
        // Back to normal speed for good: an improvement is found, and the regression is fixed by it.
        for (int n = 24; n <= 27; n++) {
            as(ci).body(body(sha(n), n, "main", null, runtime(0.100, n)))
                    .post(runs)
                    .then()
                    .statusCode(201);
        }
        as(ci).get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .body("", hasSize(1))
                .body("[0].status", equalTo("fixed"));
        var improvements = as(ci).queryParam("direction", "improvement")
                .get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .body("", hasSize(1))
                .body("[0].method", equalTo("shift"))
                .extract()
                .jsonPath();
        assertThat(improvements.getDouble("[0].before")).isCloseTo(0.130, org.assertj.core.data.Offset.offset(0.005));
        assertThat(improvements.getDouble("[0].after")).isCloseTo(0.100, org.assertj.core.data.Offset.offset(0.005));
    }
}
