package io.regtrack.token;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Tokens are listed without their secrets, end, are revoked at once, and the server's admin token is replaced. */
@QuarkusTest
class TokenLifecycleApiTest {

    @Inject
    DataSource db;

    private static JsonPath issue(String slug, Map<String, ?> body) {
        return admin().body(body)
                .post("/api/v1/projects/" + slug + "/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void theListShowsEveryTokenButNeverItsSecret() {
        String slug = project("list", false);
        Instant end = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonPath issued = issue(slug, Map.of("name", "ci", "scope", "ingest", "expiresAt", end.toString()));
        String text = issued.getString("token");
        assertThat(Instant.parse(issued.getString("expiresAt"))).isEqualTo(end);
        String listed = admin().get("/api/v1/projects/" + slug + "/tokens")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo(issued.getInt("id")))
                .body("[0].name", equalTo("ci"))
                .body("[0].scope", equalTo("ingest"))
                .body("[0].project", equalTo(slug))
                .body("[0].createdAt", notNullValue())
                .body("[0].lastUsedAt", nullValue())
                .body("[0].revokedAt", nullValue())
                .body("[0].state", equalTo("live"))
                .extract()
                .asString();
        assertThat(listed)
                .doesNotContain(text)
                .doesNotContain(text.substring(4, 16)) // nor its lookup id
                .doesNotContain("secret")
                .doesNotContain("hash");
        assertThat(Instant.parse(JsonPath.from(listed).getString("[0].expiresAt")))
                .isEqualTo(end);
    }

    @Test
    void aRevokedTokenIsRefusedOnTheNextRequestSayingSo() {
        String slug = project("revoke", false);
        JsonPath issued = issue(slug, Map.of("name", "laptop", "scope", "read"));
        String text = issued.getString("token");
        as(text).get("/api/v1/projects/" + slug).then().statusCode(200);
        admin().delete("/api/v1/projects/" + slug + "/tokens/" + issued.getLong("id"))
                .then()
                .statusCode(204);
        String detail = as(text).get("/api/v1/projects/" + slug)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("revoked at"))
                .extract()
                .path("detail");
        assertThat(detail).doesNotContain(text);
        String revokedAt = admin().get("/api/v1/projects/" + slug + "/tokens")
                .then()
                .body("[0].state", equalTo("revoked"))
                .extract()
                .path("[0].revokedAt");
        // Again: nothing changes, the first time stays.
        admin().delete("/api/v1/projects/" + slug + "/tokens/" + issued.getLong("id"))
                .then()
                .statusCode(204);
        admin().get("/api/v1/projects/" + slug + "/tokens").then().body("[0].revokedAt", equalTo(revokedAt));
        admin().delete("/api/v1/projects/" + slug + "/tokens/99999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIsRefusedSayingWhenItEnded() {
        String slug = project("expire", false);
        JsonPath issued = issue(
                slug,
                Map.of(
                        "name",
                        "short",
                        "scope",
                        "read",
                        "expiresAt",
                        Instant.now().plusSeconds(3600).toString()));
        String text = issued.getString("token");
        as(text).get("/api/v1/projects/" + slug).then().statusCode(200);
        Rows.update(
                db, "update tokens set expires_at = now() - interval '1 second' where id = " + issued.getLong("id"));
        as(text).get("/api/v1/projects/" + slug)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("expired at"))
                .body("detail", not(containsString(text)));
        admin().get("/api/v1/projects/" + slug + "/tokens").then().body("[0].state", equalTo("expired"));
    }

    @Test
    void anEndInThePastOrNotAnInstantIsRefused() {
        String slug = project("past", false);
        admin().body(Map.of("name", "x", "scope", "read", "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/api/v1/projects/" + slug + "/tokens")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("expiresAt"));
        admin().body(Map.of("name", "x", "scope", "read", "expiresAt", "next tuesday"))
                .post("/api/v1/projects/" + slug + "/tokens")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().body(Map.of("name", "x", "expiresAt", "2020-01-01T00:00:00Z"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("expiresAt"));
        assertThat(Rows.count(db, "select count(*) from tokens where name = 'x' and expires_at < now()"))
                .isZero();
    }

    @Test
    void theServersAdminTokenIsReplacedWithoutDowntime() {
        JsonPath first = admin().body(Map.of("name", "ops 2026"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .body("scope", equalTo("admin"))
                .body("project", nullValue())
                .extract()
                .jsonPath();
        JsonPath second = as(first.getString("token"))
                .body(Map.of("name", "ops 2027"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String next = second.getString("token");
        as(next).get("/api/v1/tokens")
                .then()
                .statusCode(200)
                .body("find { it.id == " + second.getLong("id") + " }.name", equalTo("ops 2027"));
        as(next).delete("/api/v1/tokens/" + first.getLong("id")).then().statusCode(204);
        as(first.getString("token"))
                .get("/api/v1/projects")
                .then()
                .statusCode(401)
                .body("detail", containsString("revoked at"));
        as(next).body(Map.of("slug", "after-rotation-" + second.getLong("id"), "name", "x"))
                .post("/api/v1/projects")
                .then()
                .statusCode(201);
        String listed = as(next).get("/api/v1/tokens").then().extract().asString();
        assertThat(listed).doesNotContain(next).doesNotContain(first.getString("token"));
    }

    @Test
    void lastUsedIsWrittenSoonAfterAUse() {
        String slug = project("used", false);
        String text = token(slug, "read");
        as(text).get("/api/v1/projects/" + slug).then().statusCode(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> admin().get("/api/v1/projects/" + slug + "/tokens")
                                .then()
                                .extract()
                                .path("[0].lastUsedAt")
                        != null);
        String first = admin().get("/api/v1/projects/" + slug + "/tokens")
                .then()
                .extract()
                .path("[0].lastUsedAt");
        // Within the minute, more uses write nothing.
        for (int i = 0; i < 5; i++) {
            as(text).get("/api/v1/projects/" + slug).then().statusCode(200);
        }
        admin().get("/api/v1/projects/" + slug + "/tokens").then().body("[0].lastUsedAt", equalTo(first));
    }
}
