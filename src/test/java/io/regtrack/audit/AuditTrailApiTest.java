package io.regtrack.audit;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every change an admin or a CI job makes is in the audit trail, by whom, newest first. */
@QuarkusTest
class AuditTrailApiTest {

    static final String HOOK = "https://203.0.113.10/regtrack";

    static JsonPath entries(String slug, String query) {
        return admin().get("/api/v1/projects/" + slug + "/audit" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void upload(String slug, String token, int n, String tag, long size) {
        as(token)
                .body("""
                {"commit": "%s", "branch": "main", %s "committedAt": "2026-03-%02dT00:00:00Z",
                 "measurements": [{"kind": "size", "name": "app", "value": %d}]}
                """.formatted(sha(n), tag == null ? "" : "\"tag\": \"" + tag + "\",", n, size))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
    }

    @Test
    void everyRecordedChangeIsThereByWhomNewestFirst() {
        String slug = project("audit", false);
        String p = "/api/v1/projects/" + slug;
        JsonPath ci = admin().body(Map.of("name", "ci", "scope", "ingest"))
                .post(p + "/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String ciToken = ci.getString("token");
        admin().body(Map.of("releasePattern", "^v\\d+\\.\\d+\\.\\d+$"))
                .patch(p)
                .then()
                .statusCode(200);
        admin().body(Map.of("size", Map.of("percent", 0, "bytes", 0)))
                .put(p + "/thresholds")
                .then()
                .statusCode(200);
        upload(slug, ciToken, 1, "v1.0.0", 100_000);
        as(ciToken)
                .body(Map.of("tag", "v1.0.1", "commit", sha(1)))
                .post(p + "/releases")
                .then()
                .statusCode(201);
        admin().body(Map.of("tag", "v1.0.0")).put(p + "/releases/pinned").then().statusCode(200);
        upload(slug, ciToken, 2, null, 200_000);
        upload(slug, ciToken, 3, null, 200_000);
        int alert = as(ciToken).get(p + "/alerts").then().extract().path("[0].id");
        as(ciToken)
                .body(Map.of("status", "acknowledged", "note", "bisecting"))
                .patch(p + "/alerts/" + alert)
                .then()
                .statusCode(200);
        long hook = admin().body(Map.of("url", HOOK, "events", List.of("run.regressed")))
                .post(p + "/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        admin().delete(p + "/webhooks/" + hook).then().statusCode(204);
        admin().delete(p + "/webhooks/" + hook).then().statusCode(204); // gone already: nothing more to record
        admin().delete(p + "/tokens/" + ci.getLong("id")).then().statusCode(204);

        JsonPath trail = entries(slug, "?limit=200");
        assertThat(trail.getList("entries.action", String.class))
                .containsExactly(
                        "token.revoked",
                        "webhook.removed",
                        "webhook.added",
                        "alert.triaged",
                        "release.pinned",
                        "release.marked",
                        "release.marked",
                        "thresholds.changed",
                        "project.changed",
                        "token.issued",
                        "project.created");
        assertThat(trail.getString("entries[0].subject")).isEqualTo("token " + ci.getLong("id"));
        assertThat(trail.getString("entries[0].actor.name")).isEqualTo("configured admin token");
        assertThat(trail.getString("entries[0].detail.name")).isEqualTo("ci");
        // The CI job's own changes name its token, by name and id.
        assertThat(trail.getString("entries[3].actor.name")).isEqualTo("ci");
        assertThat(trail.getLong("entries[3].actor.tokenId")).isEqualTo(ci.getLong("id"));
        assertThat(trail.getString("entries[3].subject")).isEqualTo("alert " + alert);
        assertThat(trail.getString("entries[3].detail.note")).isEqualTo("bisecting");
        assertThat(trail.getString("entries[3].detail.to")).isEqualTo("acknowledged");
        assertThat(trail.getString("entries[4].detail.after")).isEqualTo("v1.0.0");
        assertThat(trail.getString("entries[5].subject")).isEqualTo("release v1.0.1");
        assertThat(trail.getString("entries[6].subject")).isEqualTo("release v1.0.0");
        assertThat(trail.getString("entries[6].detail.runId")).isNotNull(); // marked by the upload's tag
        assertThat(trail.getString("entries[2].detail.url")).isEqualTo(HOOK);
        assertThat(trail.getDouble("entries[7].detail.after.size.percent")).isZero();
        assertThat(trail.prettify()).doesNotContain(ciToken);

        // The alerts say who triaged them, when, with the note.
        as(ciToken).get(p + "/alerts?status=acknowledged").then().statusCode(401); // revoked above
        admin().get(p + "/alerts?status=acknowledged")
                .then()
                .statusCode(200)
                .body("[0].triaged.by", equalTo("ci"))
                .body("[0].triaged.status", equalTo("acknowledged"))
                .body("[0].note", equalTo("bisecting"));
        admin().get(p + "/alert-summaries?status=acknowledged").then().body("[0].alerts[0].triaged.by", equalTo("ci"));
    }

    @Test
    void aPageIsFollowedByItsCursorAndFilteredByAction() {
        String slug = project("audit-pages", false);
        for (int i = 0; i < 5; i++) {
            admin().body(Map.of("name", "name " + i))
                    .patch("/api/v1/projects/" + slug)
                    .then()
                    .statusCode(200);
        }
        JsonPath first = entries(slug, "?limit=2");
        assertThat(first.getList("entries.detail.name", String.class)).containsExactly("name 4", "name 3");
        JsonPath second = entries(slug, "?limit=2&before=" + first.getLong("nextBefore"));
        assertThat(second.getList("entries.detail.name", String.class)).containsExactly("name 2", "name 1");
        JsonPath last = entries(slug, "?limit=2&before=" + second.getLong("nextBefore"));
        assertThat(last.getList("entries.action", String.class)).containsExactly("project.changed", "project.created");
        assertThat(last.getString("nextBefore")).isNull();
        assertThat(entries(slug, "?action=project.created").getList("entries.action", String.class))
                .containsExactly("project.created");
        for (String wrong : List.of("?action=token.eaten", "?limit=0", "?limit=201", "?before=abc")) {
            admin().get("/api/v1/projects/" + slug + "/audit" + wrong)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theServersOwnChangesAreInItsTrailNotAProjects() {
        String slug = project("audit-server", false);
        long id = admin().body(Map.of("name", "spare admin"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        admin().get("/api/v1/audit?action=token.issued")
                .then()
                .statusCode(200)
                .body("entries[0].subject", equalTo("token " + id))
                .body("entries[0].detail.scope", equalTo("admin"));
        assertThat(entries(slug, "").getList("entries.subject", String.class)).doesNotContain("token " + id);
    }
}
