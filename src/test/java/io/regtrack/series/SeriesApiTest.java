package io.regtrack.series;

import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeriesApiTest {

    @Test
    void aSeriesHasItsPointsReleasesAndChanges() {
        String slug = project("series", true);
        String ci = token(slug, "ingest");
        for (int n = 1; n <= 40; n++) {
            as(ci).body("""
                    {"commit": "%s", "branch": "main", %s "committedAt": "%s", "message": "m%d",
                     "profile": {"name": "release", "settings": {"lto": "%s"}},
                     "measurements": [{"kind": "size", "name": "app", "value": %d}]}
                    """.formatted(
                            sha(n),
                            n == 1 ? "\"tag\": \"v1.0.0\"," : "",
                            java.time.Instant.parse("2026-01-01T00:00:00Z").plus(java.time.Duration.ofDays(n)),
                            n,
                            n < 30 ? "fat" : "false",
                            n < 30 ? 1000 : 2000))
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201);
        }
        anonymous()
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .queryParam("maxPoints", 8)
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip") // a chart's data is sent compressed
                .body("total", equalTo(40))
                .body("unit", equalTo("bytes"))
                .body("points.size()", org.hamcrest.Matchers.lessThanOrEqualTo(10))
                .body("points[0].commit", equalTo(sha(1)))
                .body("points[-1].commit", equalTo(sha(40)))
                .body("points.value", org.hamcrest.Matchers.hasItems(1000, 2000))
                .body("releases.tag", equalTo(java.util.List.of("v1.0.0")))
                .body("annotations", hasSize(1))
                .body("annotations[0].commit", equalTo(sha(30)))
                .body("annotations[0].changes", equalTo(java.util.List.of("lto: fat → false")));
        anonymous()
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .queryParam("format", "csv")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("run_id,commit,committed_at,value,unit"))
                .body(containsString(sha(40)));
        anonymous()
                .get("/api/v1/projects/" + slug + "/series/index")
                .then()
                .statusCode(200)
                .body("[0].name", equalTo("app"))
                .body("[0].points", equalTo(40))
                .body("[0].profile", equalTo("release"));
        anonymous()
                .get("/api/v1/projects/" + slug + "/branches")
                .then()
                .body("[0].name", equalTo("main"))
                .body("[0].default", equalTo(true));
        anonymous()
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .queryParam("maxPoints", "lots")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(400);
        anonymous()
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .queryParam("from", "yesterday")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(400);
        anonymous()
                .queryParam("name", "app")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    void aSectionOrCrateOfABinaryHasItsOwnHistory() {
        String slug = project("parts", true);
        String ci = token(slug, "ingest");
        for (int n = 1; n <= 5; n++) {
            String parts =
                    n == 3 ? "{\".text\": 900}" : "{\".text\": " + (800 + n) + ", \"crate:regex\": " + (100 * n) + "}";
            as(ci).body("""
                    {"commit": "%s", "branch": "main", "committedAt": "2026-02-0%dT00:00:00Z",
                     "measurements": [{"kind": "size", "name": "app", "value": %d, "parts": %s}]}
                    """.formatted(sha(n), n, 2000 + n, parts))
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201);
        }
        anonymous()
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .queryParam("part", "crate:regex")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(200)
                .body("unit", equalTo("bytes"))
                .body("points.value", equalTo(java.util.List.of(100, 200, 400, 500)))
                .body("points.commit", equalTo(java.util.List.of(sha(1), sha(2), sha(4), sha(5))));
        anonymous()
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .queryParam("part", ".text")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .body("points.value", equalTo(java.util.List.of(801, 802, 900, 804, 805)));
        anonymous()
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .queryParam("part", "crate:none")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(200)
                .body("points", hasSize(0));
        anonymous()
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .queryParam("part", "\u0001")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("part"));
    }
}
