package io.regtrack.project;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectApiTest {

    @Test
    void adminCreatesAPrivateProjectByDefault() {
        admin().body(Map.of("slug", "created-1", "name", "Created", "repository", "https://github.com/acme/created"))
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("slug", equalTo("created-1"))
                .body("public", equalTo(false))
                .body("defaultBranch", equalTo("main"))
                .body("releasePattern", equalTo("^v?\\d+\\.\\d+\\.\\d+$"));
        admin().get("/api/v1/projects/created-1").then().statusCode(200).body("name", equalTo("Created"));
    }

    @Test
    void aTakenSlugIsAConflict() {
        String slug = project("taken", false);
        admin().body(Map.of("slug", slug, "name", "again"))
                .post("/api/v1/projects")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void onlyAnAdminCreatesProjects() {
        anonymous()
                .body(Map.of("slug", "nope-1", "name", "x"))
                .post("/api/v1/projects")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        String slug = project("ingestor", false);
        as(token(slug, "ingest"))
                .body(Map.of("slug", "nope-2", "name", "x"))
                .post("/api/v1/projects")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        admin().get("/api/v1/projects/nope-2").then().statusCode(404);
    }

    @Test
    void privateProjectsAreVisibleOnlyToTheirTokensAndAdmins() {
        String secret = project("secret", false);
        String open = project("open", true);
        String other = project("other", false);
        String secretReader = token(secret, "read");
        String otherIngest = token(other, "ingest");

        anonymous()
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("slug", hasItem(open))
                .body("slug", not(hasItem(secret)));
        as(otherIngest)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("slug", hasItem(open))
                .body("slug", hasItem(other))
                .body("slug", not(hasItem(secret)));
        as(secretReader)
                .get("/api/v1/projects")
                .then()
                .body("slug", hasItem(secret))
                .body("slug", not(hasItem(other)));
        admin().get("/api/v1/projects").then().body("slug", hasItem(secret)).body("slug", hasItem(other));

        anonymous().get("/api/v1/projects/" + secret).then().statusCode(401);
        as(otherIngest).get("/api/v1/projects/" + secret).then().statusCode(403);
        as(secretReader)
                .get("/api/v1/projects/" + secret)
                .then()
                .statusCode(200)
                .body("slug", equalTo(secret));
        anonymous().get("/api/v1/projects/" + open).then().statusCode(200).body("public", equalTo(true));
    }

    @Test
    void aMissingProjectLooksLikeAPrivateOneToNonAdmins() {
        anonymous().get("/api/v1/projects/no-such-project").then().statusCode(401);
        String slug = project("looker", false);
        as(token(slug, "read")).get("/api/v1/projects/no-such-project").then().statusCode(403);
        admin().get("/api/v1/projects/no-such-project").then().statusCode(404).body("title", equalTo("Not found"));
    }

    @Test
    void badProjectsAreRefusedWithViolations() {
        admin().body(Map.of("slug", "Bad Slug!", "name", ""))
                .post("/api/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("slug"))
                .body("violations.field", hasItem("name"));
        admin().body(Map.of("slug", "bad-branch", "name", "x", "defaultBranch", "a..b"))
                .post("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("defaultBranch"));
        admin().get("/api/v1/projects/bad-branch").then().statusCode(404);
    }
}
