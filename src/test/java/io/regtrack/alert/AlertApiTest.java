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
     * The ray executable's real size history, every commit a release, every byte counted: each
     * step up is a regression against the previous commit, and its alert names that exact commit.
     */
    @Test
    void everyRaySizeStepUpNamesItsExactCommit() throws Exception {
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
                            "r" + i,
                            "{\"kind\": \"size\", \"name\": \"ray\", \"value\": "
                                    + point.get(1).asLong() + "}"))
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201);
        }
        List<String> expected = IntStream.range(1, sizes.size())
                .filter(i -> sizes.get(i) > sizes.get(i - 1))
                .mapToObj(commits::get)
                .toList();
        List<Map<String, Object>> alerts = as(ci).get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        List<String> culprits = alerts.stream()
                .map(a -> (String) ((Map<?, ?>) a.get("culprit")).get("commit"))
                .sorted()
                .collect(Collectors.toList());
        assertThat(expected).hasSize(7);
        assertThat(culprits).containsExactlyInAnyOrderElementsOf(expected);
        // Every regression was followed by a smaller build, so every alert is fixed.
        assertThat(alerts).extracting(a -> a.get("status")).containsOnly("fixed");
    }

    private static String samples(double center, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, 10)
                .mapToObj(i -> String.format(Locale.ROOT, "%.6f", center * (1 + 0.01 * random.nextGaussian())))
                .collect(Collectors.joining(", "));
    }

    private static String runtime(double center, long seed) {
        return "{\"kind\": \"runtime\", \"name\": \"parse\", \"samples\": [" + samples(center, seed) + "]}";
    }

    @Test
    void aSlowdownOpensOneAlertWhoseCulpritIsFoundAndItCanBeTriaged() {
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
                    .statusCode(201)
                    .body("status", equalTo("unchanged"));
        }
        for (int n = 13; n <= 16; n++) {
            as(ci).body(body(sha(n), n, "main", null, runtime(0.130, n)))
                    .post(runs)
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("regressed"));
        }
        // A feature branch regresses too, but it is not tracked.
        as(ci).body(body(sha(99), 17, "feature/slow", null, runtime(0.200, 99)))
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
                .body("[0].baseline.tag", equalTo("v1.0.0"))
                .body("[0].culprit.commit", equalTo(sha(13)));
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

        // Back to normal speed: the alert is fixed by itself.
        as(ci).body(body(sha(20), 20, "main", null, runtime(0.100, 20)))
                .post(runs)
                .then()
                .statusCode(201)
                .body("status", equalTo("unchanged"));
        as(ci).get("/api/v1/projects/" + slug + "/alerts").then().body("[0].status", equalTo("fixed"));
    }
}
