package io.regtrack.web;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Requests built to break things get 4xx problems, never a 500, and store nothing. */
@QuarkusTest
class HostileRequestTest {

    @Inject
    DataSource db;

    @Test
    void textPostgresCannotStoreIsRefusedBeforeTheDatabase() {
        String slug = project("hostile", false);
        String ingest = token(slug, "ingest");
        as(ingest)
                .urlEncodingEnabled(false)
                .get("/api/v1/projects/my%00app/runs")
                .then()
                .statusCode(403);
        admin().urlEncodingEnabled(false)
                .get("/api/v1/projects/my%00app")
                .then()
                .statusCode(404);
        as(ingest)
                .body(
                        "{\"commit\": \"" + sha(1) + "\", \"branch\": \"main\", \"profile\": {\"settings\": "
                                + "{\"lto\": \"a\\u0000b\"}}, \"measurements\": [{\"kind\": \"size\", \"name\": \"a\", \"value\": 1}]}")
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("profile.settings.lto"));
        byte[] badUtf8 = ("{\"commit\": \"" + sha(1) + "\", \"branch\": \"ma\u00ffin\", \"measurements\": []}")
                .getBytes(StandardCharsets.ISO_8859_1);
        as(ingest)
                .body(badUtf8)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .body("title", equalTo("Malformed JSON"));
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void jsonPastTheParserLimitsIsRefused() {
        String slug = project("limits", false);
        String ingest = token(slug, "ingest");
        String deep = "{\"x\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        as(ingest)
                .body(deep)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .body("title", equalTo("Malformed JSON"));
        String longNumber = "{\"commit\": \"" + sha(1) + "\", \"branch\": \"main\", \"measurements\": "
                + "[{\"kind\": \"size\", \"name\": \"a\", \"value\": 1" + "0".repeat(5_000) + "}]}";
        as(ingest)
                .body(longNumber)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400);
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void badQueryParametersAre400() {
        String slug = project("queries", true);
        String reader = token(slug, "read");
        for (String limit : List.of("abc", "99999999999", "-1", "201", "1.5")) {
            as(reader)
                    .queryParam("limit", limit)
                    .get("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("limit"));
        }
        as(reader).get("/api/v1/projects/" + slug + "/runs/not-a-number").then().statusCode(404);
        as(reader)
                .get("/api/v1/projects/" + slug + "/runs/99999999999999999999999")
                .then()
                .statusCode(404);
    }

    @Test
    void projectsCreatedConcurrentlyWithOneSlugMakeOneProject() {
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> admin().body(Map.of("slug", "contested", "name", "x"))
                    .post("/api/v1/projects")
                    .statusCode()));
        }
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(Rows.count(db, "select count(*) from projects where slug = 'contested'"))
                .isEqualTo(1);
        statuses.forEach(s -> assertThat(s).isLessThan(500));
    }
}
