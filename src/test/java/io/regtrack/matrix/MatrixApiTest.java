package io.regtrack.matrix;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MatrixApiTest {

    private static String run(String profile, String settings, long size, double seconds) {
        return run(profile, settings, size, seconds, 40.0);
    }

    private static String run(String profile, String settings, long size, double seconds, double buildSeconds) {
        return """
                {"commit": "%s", "branch": "main", "toolchain": {"rustc": "1.95.0", "target": "x86_64-unknown-linux-gnu"},
                 "profile": {"name": "%s", "manifest": "[package]\\nname = \\"app\\"\\n%s"},
                 "measurements": [{"kind": "size", "name": "app", "value": %d},
                                  {"kind": "runtime", "name": "startup", "value": %s},
                                  {"kind": "build-time", "name": "%s", "unit": "seconds", "value": %s}]}
                """.formatted(sha(42), profile, settings, size, seconds, profile, buildSeconds);
    }

    @Test
    void aCommitUnderSeveralProfilesFormsAMatrix() {
        String slug = project("matrix", true);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(run("release", "", 300_000, 1.0)).post(runs).then().statusCode(201);
        as(ci).body(run(
                        "min-size",
                        "[profile.min-size]\\ninherits = \\\"release\\\"\\nopt-level = \\\"z\\\"\\nlto = true\\n",
                        195_000,
                        1.02,
                        100.0))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).body(run("dev", "", 900_000, 5.0)).post(runs).then().statusCode(201);

        as(ci).get("/api/v1/projects/" + slug + "/commits/" + sha(42) + "/matrix")
                .then()
                .statusCode(200)
                .body("reference", equalTo("release"))
                .body("profiles", hasSize(3))
                .body("profiles.find { it.profile == 'min-size' }.sizes.app", equalTo(195000))
                .body("profiles.find { it.profile == 'dev' }.pareto", equalTo(false))
                .body("frontier", containsInAnyOrder("release", "min-size"))
                .body("differingSettings.opt-level.min-size", equalTo("z"))
                .body("differingSettings.opt-level.release", equalTo("3"))
                .body("differingSettings.opt-level.dev", equalTo("0"))
                .body("differingSettings.lto.min-size", equalTo("fat"))
                .body("profiles.find { it.profile == 'min-size' }.buildTime", equalTo(100))
                .body(
                        "summary",
                        hasItem(
                                "min-size: -35.0 % size, +2.0 % time, +150.0 % build time versus release (on the frontier)"));

        as(ci).get("/api/v1/projects/" + slug + "/commits/" + sha(43) + "/matrix")
                .then()
                .statusCode(404);
        as(ci).get("/api/v1/projects/" + slug + "/commits/HEAD/matrix").then().statusCode(400);
    }
}
