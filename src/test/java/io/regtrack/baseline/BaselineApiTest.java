package io.regtrack.baseline;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sequences of uploads and releases, judged against the right baseline, with the reasons. */
@QuarkusTest
class BaselineApiTest {

    /** A run of commit n at day n, with one size and optionally a tag, profile and target. */
    static String run(int n, String branch, String tag, long size, String optLevel, String target, String extra) {
        return """
                {"commit": "%s", "branch": "%s", %s "committedAt": "2026-10-%02dT10:00:00Z", "idempotencyKey": "k-%d-%s-%d-%s",
                 "toolchain": {"rustc": "1.95.0", "target": "%s"},
                 "runner": {"os": "ubuntu-24.04", "arch": "x86_64"},
                 "profile": {"name": "release", "settings": {"opt-level": "%s", "lto": "fat"}}, %s
                 "measurements": [{"kind": "size", "name": "myapp", "value": %d}]}
                """.formatted(
                        sha(n),
                        branch,
                        tag == null ? "" : "\"tag\": \"" + tag + "\",",
                        n,
                        n,
                        branch,
                        size,
                        target,
                        target,
                        optLevel,
                        extra == null ? "" : extra + ",",
                        size);
    }

    static String run(int n, long size) {
        return run(n, "main", null, size, "z", "x86_64-unknown-linux-gnu", null);
    }

    @Test
    void runsAreJudgedAgainstTheNewestEarlierReleaseWithTheReason() {
        String slug = project("baseline", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";

        as(ci).body(run(1, "main", "v1.0.0", 300_000, "z", "x86_64-unknown-linux-gnu", null))
                .post(runs)
                .then()
                .statusCode(201)
                .body("status", equalTo("no-baseline"));
        as(ci).get("/api/v1/projects/" + slug + "/releases")
                .then()
                .statusCode(200)
                .body("tag", equalTo(List.of("v1.0.0")))
                .body("[0].commit", equalTo(sha(1)));

        as(ci).body(run(2, "main", null, 340_000, "3", "x86_64-unknown-linux-gnu", null))
                .post(runs)
                .then()
                .statusCode(201)
                .body("status", equalTo("regressed"))
                .body("baseline.tag", equalTo("v1.0.0"))
                .body("baseline.commit", equalTo(sha(1)))
                .body("verdicts[0].baseline", equalTo(300000))
                .body("verdicts[0].current", equalTo(340000))
                .body("verdicts[0].delta", equalTo(40000))
                .body("verdicts[0].deltaPercent", equalTo(13.33f))
                .body("verdicts[0].test", equalTo("size-threshold"))
                .body("verdicts[0].explanations", equalTo(List.of("opt-level: z → 3")))
                .body("profileChanges[0].setting", equalTo("opt-level"))
                .body("profileChanges[0].baseline", equalTo("z"))
                .body("profileChanges[0].current", equalTo("3"))
                .body("markdown", containsString("🔴 1 regression against v1.0.0"));

        // A feature branch is judged against the same release.
        as(ci).body(run(3, "feature/x", null, 300_100, "z", "x86_64-unknown-linux-gnu", null))
                .post(runs)
                .then()
                .statusCode(201)
                .body("status", equalTo("unchanged"))
                .body("verdicts[0].delta", equalTo(100));

        // A release marked by API before its run arrives becomes the baseline once it does.
        as(ci).body(Map.of("tag", "v2.0.0", "commit", sha(5)))
                .post("/api/v1/projects/" + slug + "/releases")
                .then()
                .statusCode(201)
                .body("committedAt", nullValue());
        as(ci).body(Map.of("tag", "v2.0.0", "commit", sha(5)))
                .post("/api/v1/projects/" + slug + "/releases")
                .then()
                .statusCode(200);
        as(ci).body(Map.of("tag", "v2.0.0", "commit", sha(6)))
                .post("/api/v1/projects/" + slug + "/releases")
                .then()
                .statusCode(409);
        as(ci).body(run(5, 200_000))
                .post(runs)
                .then()
                .statusCode(201)
                .body("baseline.tag", equalTo("v1.0.0"))
                .body("status", equalTo("improved"));
        as(ci).body(run(7, 200_500))
                .post(runs)
                .then()
                .statusCode(201)
                .body("baseline.tag", equalTo("v2.0.0"))
                .body("status", equalTo("unchanged"));

        // Out of order: a commit older than v2.0.0, uploaded late, is judged against v1.0.0.
        as(ci).body(run(4, 300_000)).post(runs).then().statusCode(201).body("baseline.tag", equalTo("v1.0.0"));

        // A different target has no release yet.
        as(ci).body(run(8, "main", null, 1_000, "z", "aarch64-apple-darwin", null))
                .post(runs)
                .then()
                .statusCode(201)
                .body("status", equalTo("no-baseline"));
        as(ci).get("/api/v1/projects/" + slug + "/releases")
                .then()
                .body("tag", equalTo(List.of("v2.0.0", "v1.0.0")))
                .body("[0].committedAt", equalTo("2026-10-05T10:00:00Z"));
    }

    @Test
    void comparisonsCanBeAskedAgainstTheParentOrAnyRun() {
        String slug = project("against", true);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        int first = as(ci).body(run(1, 100_000))
                .post(runs)
                .then()
                .statusCode(201)
                .extract()
                .path("runId");
        int second = as(ci).body(run(
                        2,
                        "main",
                        null,
                        150_000,
                        "z",
                        "x86_64-unknown-linux-gnu",
                        "\"parentCommit\": \"" + sha(1) + "\""))
                .post(runs)
                .then()
                .statusCode(201)
                .extract()
                .path("runId");

        as(ci).queryParam("against", "parent")
                .get(runs + "/" + second + "/comparison")
                .then()
                .statusCode(200)
                .body("baseline.runId", equalTo(first))
                .body("baseline.tag", nullValue())
                .body("status", equalTo("regressed"))
                .body("markdown", containsString("against run " + first));
        as(ci).queryParam("against", String.valueOf(first))
                .get(runs + "/" + second + "/comparison")
                .then()
                .statusCode(200)
                .body("verdicts[0].delta", equalTo(50000));
        as(ci).get(runs + "/" + second + "/comparison").then().statusCode(200).body("status", equalTo("no-baseline"));
        as(ci).queryParam("against", "yesterday")
                .get(runs + "/" + second + "/comparison")
                .then()
                .statusCode(400);
        as(ci).queryParam("against", "999999")
                .get(runs + "/" + second + "/comparison")
                .then()
                .statusCode(404);
        as(ci).queryParam("against", "parent")
                .get(runs + "/" + first + "/comparison")
                .then()
                .statusCode(200)
                .body("status", equalTo("no-baseline"));
    }

    @Test
    void aRebuildWithADifferentSizeIsFlaggedAsNonReproducible() {
        String slug = project("repro", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(run(1, "main", null, 300_000, "z", "x86_64-unknown-linux-gnu", null))
                .post(runs)
                .then()
                .statusCode(201)
                .body("warnings", hasSize(0));
        as(ci).body(run(1, "main", null, 300_008, "z", "x86_64-unknown-linux-gnu", null)
                        .replace("\"k-1-", "\"again-1-"))
                .post(runs)
                .then()
                .statusCode(201)
                .body(
                        "warnings[0]",
                        containsString("Non-reproducible build: myapp is 300,008 bytes here but was 300,000"));
        as(ci).body(run(1, "main", null, 300_008, "3", "x86_64-unknown-linux-gnu", null)
                        .replace("\"k-1-", "\"third-1-"))
                .post(runs)
                .then()
                .statusCode(201)
                .body("warnings", hasSize(0));
    }

    @Test
    void thresholdsAndAPinnedReleaseChangeTheVerdict() {
        String slug = project("policy", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(run(1, "main", "v1.0.0", 300_000, "z", "x86_64-unknown-linux-gnu", null))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).body(run(2, "main", "v1.1.0", 400_000, "z", "x86_64-unknown-linux-gnu", null))
                .post(runs)
                .then()
                .statusCode(201);
        int third = as(ci).body(run(3, 401_000))
                .post(runs)
                .then()
                .statusCode(201)
                .body("status", equalTo("unchanged"))
                .extract()
                .path("runId");

        admin().get("/api/v1/projects/" + slug + "/thresholds")
                .then()
                .statusCode(200)
                .body("size.percent", equalTo(1))
                .body("size.bytes", equalTo(16384))
                .body("runtime.alpha", equalTo(0.01f))
                .body("runtime.minEffectPercent", equalTo(5))
                .body("runtime.test", equalTo("mann-whitney"));
        admin().body(Map.of("measurements", Map.of("myapp", Map.of("size", Map.of("percent", 0, "bytes", 512)))))
                .put("/api/v1/projects/" + slug + "/thresholds")
                .then()
                .statusCode(200)
                .body("measurements.myapp.size.bytes", equalTo(512))
                .body("size.bytes", equalTo(16384));
        as(ci).body(Map.of("size", Map.of("bytes", 1)))
                .put("/api/v1/projects/" + slug + "/thresholds")
                .then()
                .statusCode(403);
        admin().body(Map.of("runtime", Map.of("alpha", 2)))
                .put("/api/v1/projects/" + slug + "/thresholds")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("runtime.alpha"));
        as(ci).get(runs + "/" + third + "/comparison").then().body("status", equalTo("regressed"));

        admin().body(Map.of("tag", "v1.0.0"))
                .put("/api/v1/projects/" + slug + "/releases/pinned")
                .then()
                .statusCode(200)
                .body("find { it.tag == 'v1.0.0' }.pinned", equalTo(true));
        as(ci).get(runs + "/" + third + "/comparison")
                .then()
                .body("baseline.tag", equalTo("v1.0.0"))
                .body("verdicts[0].delta", equalTo(101000));
        admin().body("{\"tag\": null}")
                .put("/api/v1/projects/" + slug + "/releases/pinned")
                .then()
                .statusCode(200);
        as(ci).get(runs + "/" + third + "/comparison").then().body("baseline.tag", equalTo("v1.1.0"));
        admin().body(Map.of("tag", "v9"))
                .put("/api/v1/projects/" + slug + "/releases/pinned")
                .then()
                .statusCode(400);
    }

    @Test
    void theReleasePatternDecidesWhichTagsAreReleases() {
        String slug = project("pattern", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(run(1, "main", "nightly-1", 100, "z", "x86_64-unknown-linux-gnu", null))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).get("/api/v1/projects/" + slug + "/releases").then().body("", hasSize(0));
        admin().body(Map.of("releasePattern", "^(v\\d+\\.\\d+\\.\\d+|nightly-\\d+)$"))
                .patch("/api/v1/projects/" + slug)
                .then()
                .statusCode(200)
                .body("releasePattern", containsString("nightly"));
        admin().body(Map.of("releasePattern", "(["))
                .patch("/api/v1/projects/" + slug)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("releasePattern"));
        as(ci).body(run(2, "main", "nightly-2", 100, "z", "x86_64-unknown-linux-gnu", null))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).get("/api/v1/projects/" + slug + "/releases").then().body("tag", hasItem("nightly-2"));
    }
}
