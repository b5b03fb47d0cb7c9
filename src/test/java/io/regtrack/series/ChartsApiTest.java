package io.regtrack.series;

import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A page of charts in one answer: runs, releases and build changes once, charts referring to them. */
@QuarkusTest
class ChartsApiTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aPageListsEachRunOnceAndEveryChartRefersToIt() {
        String slug = project("charts", true);
        String ci = token(slug, "ingest");
        for (int n = 1; n <= 30; n++) {
            as(ci).body("""
                    {"commit": "%s", "branch": "main", %s "committedAt": "%s",
                     "message": "Commit %d subject\\n\\nA long body that the chart never shows.",
                     "profile": {"name": "release", "settings": {"lto": "%s"}},
                     "measurements": [
                       {"kind": "size", "name": "app", "value": %d,
                        "parts": {"stripped": 900, ".text": %d, ".rodata": 200, "crate:regex": 300}},
                       {"kind": "size", "name": "cli", "value": 500},
                       {"kind": "runtime", "name": "parse", "unit": "seconds", "value": %s}]}
                    """.formatted(
                                    sha(n),
                                    n == 1 ? "\"tag\": \"v1.0.0\"," : "",
                                    START.plus(Duration.ofDays(n)),
                                    n,
                                    n < 20 ? "fat" : "false",
                                    n < 20 ? 1000 : 1400,
                                    n < 20 ? 600 : 1000,
                                    n % 2 == 0 ? "0.5" : "0.51"))
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201);
        }

        JsonPath page = anonymous()
                .get("/api/v1/projects/" + slug + "/charts")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip")
                .extract()
                .jsonPath();
        assertThat(page.getInt("series")).isEqualTo(3);
        assertThat(page.getList("runs.commit")).hasSize(30).doesNotHaveDuplicates();
        assertThat(page.getString("runs[0].commit")).isEqualTo(sha(1));
        assertThat(page.getString("runs[0].subject")).isEqualTo("Commit 1 subject"); // the first line only
        assertThat(page.getList("releases.tag")).containsExactly("v1.0.0");
        // The profile change is listed once for the page, though three series cross it.
        assertThat(page.getList("buildChanges")).hasSize(1);
        assertThat(page.getString("buildChanges[0].commit")).isEqualTo(sha(20));
        assertThat(page.getList("buildChanges[0].changes")).containsExactly("lto: fat → false");

        List<Map<String, Object>> charts = page.getList("charts");
        assertThat(charts)
                .extracting(c -> c.get("kind") + "/" + c.get("name"))
                .containsExactly("size/app", "size/cli", "runtime/parse");
        for (Map<String, Object> chart : charts) {
            assertThat(chart.get("total")).isEqualTo(30);
            assertThat((List<?>) chart.get("run")).hasSize(30);
            assertThat(chart.get("buildChanges")).isEqualTo(List.of(0));
        }
        JsonPath app = new JsonPath(page.prettify()).setRootPath("charts[0]");
        // The run of a point is its place in the page's runs: the step is at commit 20.
        int at = app.getList("value", Double.class).indexOf(1400.0);
        assertThat(page.getString("runs[" + app.getList("run", Integer.class).get(at) + "].commit"))
                .isEqualTo(sha(20));
        assertThat(app.getList("parts")).containsExactly(".rodata", ".text", "crate:regex", "stripped");
        assertThat(page.getList("charts[1].parts")).isEmpty();
    }

    @Test
    void aPageIsASliceOfTheIndexAndBadNumbersAreRefused() {
        String slug = project("chartslice", true);
        String ci = token(slug, "ingest");
        as(ci).body("""
                {"commit": "%s", "branch": "main", "measurements": [
                  {"kind": "size", "name": "a", "value": 1}, {"kind": "size", "name": "b", "value": 2},
                  {"kind": "size", "name": "c", "value": 3}]}
                """.formatted(sha(1)))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        anonymous()
                .queryParam("offset", 1)
                .queryParam("limit", 1)
                .get("/api/v1/projects/" + slug + "/charts")
                .then()
                .statusCode(200)
                .body("series", equalTo(3))
                .body("offset", equalTo(1))
                .body("charts.name", equalTo(List.of("b")));
        for (String[] bad : new String[][] {{"limit", "0"}, {"limit", "501"}, {"offset", "-1"}, {"maxPoints", "x"}}) {
            anonymous()
                    .queryParam(bad[0], bad[1])
                    .get("/api/v1/projects/" + slug + "/charts")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString(bad[0]));
        }
        // An unknown project reads like a private one: nothing tells a stranger which names exist.
        anonymous().get("/api/v1/projects/no-such-project/charts").then().statusCode(401);
    }

    @Test
    void aBinarysCompositionOverTime() {
        String slug = project("composition", true);
        String ci = token(slug, "ingest");
        for (int n = 1; n <= 12; n++) {
            StringBuilder parts = new StringBuilder("\"stripped\": 5000, \".text\": " + (n < 6 ? 4000 : 4400));
            for (int c = 1; c <= 10; c++) {
                parts.append(", \"crate:c").append(c).append("\": ").append(c * 100);
            }
            as(ci).body("""
                    {"commit": "%s", "branch": "main", "committedAt": "%s",
                     "measurements": [{"kind": "size", "name": "app", "value": %d, "parts": {%s}}]}
                    """.formatted(sha(n), START.plus(Duration.ofDays(n)), n < 6 ? 6000 : 6400, parts))
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201);
        }
        JsonPath composition = anonymous()
                .queryParam("name", "app")
                .get("/api/v1/projects/" + slug + "/composition")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(composition.getInt("total")).isEqualTo(12);
        assertThat(composition.getList("runs")).hasSize(12);
        assertThat(composition.getList("sections.name")).containsExactly(".text"); // the stripped size is no section
        assertThat(composition.getList("sections[0].value", Double.class))
                .startsWith(4000.0)
                .endsWith(4400.0);
        // The eight largest crates, largest first, and the two smallest summed.
        assertThat(composition.getList("crates.name"))
                .containsExactly(
                        "crate:c10",
                        "crate:c9",
                        "crate:c8",
                        "crate:c7",
                        "crate:c6",
                        "crate:c5",
                        "crate:c4",
                        "crate:c3",
                        "other crates");
        assertThat(composition.getList("crates[8].value", Double.class)).containsOnly(300.0);
        anonymous().get("/api/v1/projects/" + slug + "/composition").then().statusCode(400);
    }
}
