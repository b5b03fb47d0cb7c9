package io.regtrack.deletion;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.LongHistory;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A project is deleted by an admin who types its slug again, with everything of it, and its slug is free again. */
@QuarkusTest
class ProjectDeletionApiTest {

    private static final List<String> TABLES = List.of(
            "runs",
            "measurements",
            "releases",
            "alerts",
            "tokens",
            "webhooks",
            "series_blocks",
            "series_block_marks",
            "series_catalog");

    @Inject
    DataSource db;

    private static String confirm(String slug) {
        return "{\"confirm\": \"" + slug + "\"}";
    }

    private long rows(String table, long projectId) {
        return Rows.count(db, "select count(*) from " + table + " where project_id = ?", projectId);
    }

    @Test
    void onlyAnAdminWhoConfirmsTheSlugDeletesAProject() {
        String slug = project("gone-access", false);
        String ci = token(slug, "ingest");
        String reader = token(slug, "read");
        String other = token(project("gone-other", false), "ingest");
        String otherAdmin = token(project("gone-other-admin", false), "admin");
        String ownAdmin = token(slug, "admin");
        RunDeletionApiTest.upload(slug, ci, 1, 100_000, null);
        String path = "/api/v1/projects/" + slug;

        anonymous().body(confirm(slug)).delete(path).then().statusCode(401).contentType("application/problem+json");
        for (String token : List.of(reader, ci, other, otherAdmin)) {
            as(token).body(confirm(slug)).delete(path).then().statusCode(403).contentType("application/problem+json");
        }
        admin().delete(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("confirm"));
        for (String wrong : List.of("{}", "{\"confirm\": null}", confirm(slug + "x"), confirm(slug.toUpperCase()))) {
            admin().body(wrong)
                    .delete(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("confirm"));
        }
        admin().body("[1, 2").delete(path).then().statusCode(400).contentType("application/problem+json");
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
        as(reader).get(path).then().statusCode(200);

        as(otherAdmin)
                .body(confirm("gone-never-was"))
                .delete("/api/v1/projects/gone-never-was")
                .then()
                .statusCode(403);

        // The project's own admin may; the deletion stays in the server's audit trail.
        as(ownAdmin).body(confirm(slug)).delete(path).then().statusCode(204);
        admin().get(path).then().statusCode(404).contentType("application/problem+json");
        admin().get("/api/v1/audit?action=project.deleted")
                .then()
                .statusCode(200)
                .body("entries.find { it.subject == 'project %s' }.actor.name".formatted(slug), equalTo("test admin"));
        // Deleted already: the same answer, nothing changes; the confirmation is still required.
        admin().body(confirm(slug)).delete(path).then().statusCode(204);
        admin().body("{}").delete(path).then().statusCode(400).body("violations[0].field", equalTo("confirm"));
        as(reader).get(path).then().statusCode(401);
    }

    @Test
    void everythingOfTheProjectGoesAndTheSlugCanBeCreatedAgain() {
        String slug = "gone-all-" + System.nanoTime();
        LongHistory.seed(db, slug, 1_100);
        long id = Rows.count(db, "select id from projects where slug = ?", slug);
        String ci = token(slug, "ingest");
        anonymous()
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .queryParam("profile", "release")
                .queryParam("target", "x86_64-unknown-linux-gnu")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(200); // seals a block
        // A late run after the sealed block leaves a mark; a step opens an alert; a tag marks a release.
        as(ci).body("""
                        {"commit": "%040x", "branch": "main", "committedAt": "2020-02-14T00:30:00Z",
                         "toolchain": {"target": "x86_64-unknown-linux-gnu"}, "profile": {"name": "release"},
                         "measurements": [{"kind": "size", "name": "app", "value": 300000}]}
                        """.formatted(0xbeef))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        as(ci).body("""
                        {"commit": "%040x", "branch": "main", "tag": "v9.0.0", "committedAt": "2030-01-01T00:00:00Z",
                         "toolchain": {"target": "x86_64-unknown-linux-gnu"}, "profile": {"name": "release"},
                         "measurements": [{"kind": "size", "name": "app", "value": 900000}]}
                        """.formatted(0xcafe))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        admin().body(Map.of("size", Map.of("percent", 2)))
                .put("/api/v1/projects/" + slug + "/thresholds")
                .then()
                .statusCode(200);
        admin().body(Map.of("tag", "v9.0.0"))
                .put("/api/v1/projects/" + slug + "/releases/pinned")
                .then()
                .statusCode(200);
        Rows.update(
                db,
                "insert into webhooks (project_id, url, events, format) values (" + id
                        + ", 'https://hooks.example.com/x', '{alert.opened}', 'json')");
        Rows.update(
                db,
                "insert into webhook_deliveries (delivery_id, webhook_id, event, body, next_attempt_at)"
                        + " select gen_random_uuid(), id, 'alert.opened', '{}', now() + interval '1 day' from webhooks"
                        + " where project_id = " + id);
        long hook = Rows.count(db, "select id from webhooks where project_id = ?", id);
        for (String table : TABLES) {
            assertThat(rows(table, id)).as(table).isPositive();
        }
        assertThat(Rows.count(db, "select count(*) from webhook_deliveries where webhook_id = ?", hook))
                .isEqualTo(1);

        admin().body(confirm(slug)).delete("/api/v1/projects/" + slug).then().statusCode(204);

        for (String table : TABLES) {
            assertThat(rows(table, id)).as(table).isZero();
        }
        assertThat(Rows.count(db, "select count(*) from webhook_deliveries where webhook_id = ?", hook))
                .isZero();
        assertThat(Rows.count(db, "select count(*) from projects where id = ?", id))
                .isZero();
        as(ci).get("/api/v1/projects/" + slug).then().statusCode(401);

        // The slug is free: a new, empty project.
        admin().body(Map.of("slug", slug, "name", "again"))
                .post("/api/v1/projects")
                .then()
                .statusCode(201);
        admin().get("/api/v1/projects/" + slug + "/runs").then().statusCode(200).body("runs", equalTo(List.of()));
        admin().get("/api/v1/projects/" + slug + "/releases")
                .then()
                .statusCode(200)
                .body("", equalTo(List.of()));
        admin().get("/api/v1/projects/" + slug + "/thresholds")
                .then()
                .statusCode(200)
                .body("size.percent", equalTo(1));
        String fresh = token(slug, "ingest");
        RunDeletionApiTest.upload(slug, fresh, 1, 100_000, null);
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
    }
}
