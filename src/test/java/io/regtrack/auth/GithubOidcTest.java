package io.regtrack.auth;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.sha;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.nimbusds.jwt.JWTClaimsSet;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.LocalIssuer;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Uploads with a GitHub Actions job's OIDC token, verified against a local issuer's keys. */
@QuarkusTest
@QuarkusTestResource(value = LocalIssuer.class, restrictToAnnotatedClass = true)
class GithubOidcTest {

    private static String project(String repository) {
        String slug = "oidc-" + System.nanoTime();
        admin().body("{\"slug\": \"%s\", \"name\": \"%s\", \"repository\": \"%s\"}".formatted(slug, slug, repository))
                .post("/api/v1/projects")
                .then()
                .statusCode(201);
        return slug;
    }

    private static String run(int n, String tag) {
        return """
                {"commit": "%s", "branch": "main", %s "measurements": [{"kind": "size", "name": "app", "value": %d}]}
                """.formatted(sha(n), tag == null ? "" : "\"tag\": \"" + tag + "\",", 1000 + n);
    }

    @Test
    void aJobOfTheProjectsRepositoryUploadsWithoutAStoredToken() throws Exception {
        String slug = project("https://github.com/Acme/App.git");
        String jwt = LocalIssuer.sign(
                LocalIssuer.claims("acme/app", "refs/heads/main").build());
        as(jwt).body(run(1, "v1.0.0"))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        // A tag's job may mark a release too.
        String tagJob = LocalIssuer.sign(
                LocalIssuer.claims("acme/app", "refs/tags/v1.1.0").build());
        as(tagJob)
                .body(run(2, "v1.1.0"))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        // The audit trail names the job by its repository and ref.
        admin().get("/api/v1/projects/" + slug + "/audit?action=release.marked")
                .then()
                .statusCode(200)
                .body("entries[0].subject", equalTo("release v1.1.0"))
                .body("entries[0].actor.repository", equalTo("acme/app"))
                .body("entries[0].actor.ref", equalTo("refs/tags/v1.1.0"))
                .body("entries[0].actor.tokenId", org.hamcrest.Matchers.nullValue());
        // The issuer's key changes: the new key is fetched for its unknown key id.
        LocalIssuer.rotate();
        String rotated = LocalIssuer.sign(
                LocalIssuer.claims("acme/app", "refs/heads/main").build());
        as(rotated)
                .body(run(3, null))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
    }

    @Test
    void aPullRequestsJobUploadsRunsButMarksNoRelease() throws Exception {
        String slug = project("acme/app");
        String jwt = LocalIssuer.sign(
                LocalIssuer.claims("acme/app", "refs/pull/7/merge").build());
        as(jwt).body(run(1, null))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        as(jwt).body(run(2, "v9.0.0"))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("may upload runs but not mark releases"));
        as(jwt).body("{\"tag\": \"v9.0.0\", \"commit\": \"%s\"}".formatted(sha(1)))
                .post("/api/v1/projects/" + slug + "/releases")
                .then()
                .statusCode(403);
        as(LocalIssuer.sign(LocalIssuer.claims("acme/app", "refs/heads/feature").build()))
                .body(run(3, "v9.0.0"))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(403);
    }

    @Test
    void eachRefusalSaysWhichCheckFailedAndNeverTheToken() throws Exception {
        String slug = project("acme/app");
        String other = LocalIssuer.sign(
                LocalIssuer.claims("evil/app", "refs/heads/main").build());
        as(other)
                .body(run(1, null))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(403)
                .body(
                        "detail",
                        allOf(containsString("evil/app"), containsString("acme/app"), not(containsString(other))));

        JWTClaimsSet.Builder good = LocalIssuer.claims("acme/app", "refs/heads/main");
        String[][] refused = {
            {LocalIssuer.forge(good.build()), "Signed JWT rejected"},
            {
                LocalIssuer.sign(LocalIssuer.claims("acme/app", "refs/heads/main")
                        .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                        .build()),
                "Expired JWT"
            },
            {
                LocalIssuer.sign(LocalIssuer.claims("acme/app", "refs/heads/main")
                        .audience("https://somewhere.else")
                        .build()),
                "aud claim rejected"
            },
            {
                LocalIssuer.sign(LocalIssuer.claims("acme/app", "refs/heads/main")
                        .issuer("https://token.actions.example")
                        .build()),
                "iss"
            },
        };
        for (String[] r : refused) {
            as(r[0]).body(run(2, null))
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body(
                            "detail",
                            allOf(
                                    containsString("The GitHub Actions token was refused"),
                                    containsString(r[1]),
                                    not(containsString(r[0]))));
        }
        as("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")
                .body(run(3, null))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(401);
    }
}
