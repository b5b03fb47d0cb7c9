package io.regtrack.comparison;

import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Any two runs compared, each named by a run id, a release tag, a commit or a branch. */
@QuarkusTest
class CompareApiTest {

    /** Commits whose first digit is {@code n}, so that a short prefix names one. */
    private static String commit(int n) {
        return n + sha(n).substring(1);
    }

    private static String run(int n, String branch, String tag, String lto, long app, long cli, double parse) {
        return """
                {"commit": "%s", "branch": "%s", %s "committedAt": "2026-03-%02dT00:00:00Z",
                 "profile": {"name": "release", "settings": {"lto": "%s"}},
                 "measurements": [{"kind": "size", "name": "app", "value": %d},
                                  {"kind": "size", "name": "cli", "value": %d},
                                  {"kind": "runtime", "name": "parse", "value": %s}]}
                """.formatted(
                        commit(n), branch, tag == null ? "" : "\"tag\": \"" + tag + "\",", n, lto, app, cli, parse);
    }

    @Test
    void anyTwoRunsSideBySideLargestChangeFirst() {
        String slug = project("compare", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(run(1, "main", "v1.0.0", "fat", 100_000, 50_000, 1.0))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).body(run(2, "main", null, "fat", 101_000, 50_000, 1.0))
                .post(runs)
                .then()
                .statusCode(201);
        int feature = as(ci).body(run(3, "feature/x", null, "false", 150_000, 52_000, 1.1))
                .post(runs)
                .then()
                .statusCode(201)
                .extract()
                .path("runId");
        String compare = "/api/v1/projects/" + slug + "/compare";

        as(ci).queryParam("base", "v1.0.0")
                .queryParam("head", "feature/x")
                .get(compare)
                .then()
                .statusCode(200)
                .body("runId", equalTo(feature))
                .body("baseline.commit", equalTo(commit(1)))
                .body("verdicts.name", equalTo(List.of("app", "parse", "cli")))
                .body("verdicts[0].status", equalTo("regressed"))
                .body("verdicts[0].shown.delta", equalTo("+48.8 KiB (+50,000 B)"))
                .body("profileChanges[0].setting", equalTo("lto"));
        as(ci).queryParam("base", "main")
                .queryParam("head", String.valueOf(feature))
                .queryParam("kind", "size")
                .queryParam("name", "CL")
                .get(compare)
                .then()
                .statusCode(200)
                .body("baseline.commit", equalTo(commit(2)))
                .body("verdicts", hasSize(1))
                .body("verdicts[0].name", equalTo("cli"));
        as(ci).queryParam("base", commit(1).substring(0, 7))
                .queryParam("head", commit(2).toUpperCase(java.util.Locale.ROOT))
                .get(compare)
                .then()
                .statusCode(200)
                .body("baseline.commit", equalTo(commit(1)))
                .body("verdicts[0].name", equalTo("app"))
                .body("verdicts[0].delta", equalTo(1000));

        // Refused, and said why: a prefix two commits share,
        as(ci).body(run(1, "main", null, "fat", 101_000, 50_000, 1.0).replace(commit(1), "1000000" + "f".repeat(33)))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).queryParam("base", commit(1).substring(0, 7))
                .queryParam("head", "main")
                .get(compare)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("base"))
                .body("violations[0].message", containsString("several commits"));
        // a name that is nothing of the project, and a missing side.
        as(ci).queryParam("base", "v9.9.9")
                .queryParam("head", "main")
                .get(compare)
                .then()
                .statusCode(404)
                .body("detail", containsString("'v9.9.9'"));
        as(ci).queryParam("base", "main")
                .get(compare)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("head"));
        anonymous()
                .queryParam("base", "main")
                .queryParam("head", "main")
                .get(compare)
                .then()
                .statusCode(401);
        String other = project("compare-other", false);
        as(token(other, "read"))
                .queryParam("base", "main")
                .queryParam("head", "main")
                .get(compare)
                .then()
                .statusCode(403);
    }
}
