package io.regtrack.auth;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.run;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenApiTest {

    @Inject
    DataSource db;

    @Test
    void aTokenIsShownOnceAndOnlyItsHashIsStored() {
        String slug = project("tokens", false);
        String text = admin().body(Map.of("name", "ci", "scope", "ingest"))
                .post("/api/v1/projects/" + slug + "/tokens")
                .then()
                .statusCode(201)
                .body("scope", equalTo("ingest"))
                .body("project", equalTo(slug))
                .body("name", equalTo("ci"))
                .body("token", matchesPattern("rgt_[0-9A-Za-z]{55}"))
                .extract()
                .path("token");
        assertThat(Rows.count(
                        db,
                        "select count(*) from tokens where name = 'ci' and project_id = "
                                + "(select id from projects where slug = ?)",
                        slug))
                .isEqualTo(1);
        assertThat(Rows.count(
                        db,
                        "select count(*) from tokens where encode(secret_hash, 'escape') like ?",
                        "%" + text.substring(16) + "%"))
                .isZero();
        assertThat(Rows.count(
                        db, "select count(*) from tokens where secret_hash = sha256(convert_to(?, 'UTF8'))", text))
                .isEqualTo(1);
        as(text).get("/api/v1/projects/" + slug).then().statusCode(200);
    }

    @Test
    void scopesDecideWhatATokenMayDo() {
        String slug = project("scopes", false);
        String reader = token(slug, "read");
        String ingester = token(slug, "ingest");
        as(reader)
                .body(run(1, "main", null))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(403);
        as(ingester)
                .body(run(1, "main", null))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        as(reader).get("/api/v1/projects/" + slug + "/runs").then().statusCode(200);
        as(ingester)
                .body(Map.of("name", "x", "scope", "read"))
                .post("/api/v1/projects/" + slug + "/tokens")
                .then()
                .statusCode(403);

        String other = project("scopes-other", false);
        as(ingester)
                .body(run(2, "main", null))
                .post("/api/v1/projects/" + other + "/runs")
                .then()
                .statusCode(403);
        assertThat(Rows.runs(db, other)).isZero();
    }

    @Test
    void aPublicProjectIsReadableButNotWritableWithoutAToken() {
        String slug = project("public-ro", true);
        anonymous().get("/api/v1/projects/" + slug + "/runs").then().statusCode(200);
        anonymous()
                .body(run(1, "main", null))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(401);
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void unknownOrMalformedCredentialsAre401() {
        String slug = project("creds", true);
        as("rgt_000000000000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .get("/api/v1/projects/" + slug)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json");
        as("not-a-token").get("/api/v1/projects/" + slug).then().statusCode(401);
        anonymous()
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .get("/api/v1/projects/" + slug)
                .then()
                .statusCode(401);
    }

    @Test
    void anAdminTokenOfAProjectIsBoundToIt() {
        String slug = project("project-admin", false);
        admin().body(Map.of("name", "x", "scope", "admin"))
                .post("/api/v1/projects/" + slug + "/tokens")
                .then()
                .statusCode(201)
                .body("scope", equalTo("admin"))
                .body("project", equalTo(slug));
        admin().body(Map.of("name", "x", "scope", "root"))
                .post("/api/v1/projects/" + slug + "/tokens")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("scope"));
        admin().body(Map.of("name", "x", "scope", "read"))
                .post("/api/v1/projects/missing-project/tokens")
                .then()
                .statusCode(404);
    }
}
