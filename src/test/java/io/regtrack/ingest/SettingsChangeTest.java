package io.regtrack.ingest;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.run;
import static io.regtrack.testing.Api.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Uploads keep a project's settings for a moment instead of reading them each time; a change made
 * through the service applies to the very next upload all the same.
 */
@QuarkusTest
class SettingsChangeTest {

    @Test
    void aThresholdChangeJudgesTheNextUpload() {
        String slug = project("settings-thresholds", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(run(1, "main", "\"tag\": \"v1.0.0\"")).post(runs).then().statusCode(201);
        as(ci).body(run(2, "main", null)).post(runs).then().statusCode(201).body("status", equalTo("unchanged"));

        admin().body(Map.of("size", Map.of("percent", 0, "bytes", 0)))
                .put("/api/v1/projects/" + slug + "/thresholds")
                .then()
                .statusCode(200);

        as(ci).body(run(3, "main", null)).post(runs).then().statusCode(201).body("status", equalTo("regressed"));
    }

    @Test
    void aReleasePatternChangeDecidesTheNextUploadsTag() {
        String slug = project("settings-pattern", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        String releases = "/api/v1/projects/" + slug + "/releases";
        as(ci).body(run(1, "main", "\"tag\": \"rel-1\"")).post(runs).then().statusCode(201);
        as(ci).get(releases).then().statusCode(200).body("tag", not(hasItem("rel-1")));

        admin().body(Map.of("releasePattern", "^rel-\\d+$"))
                .patch("/api/v1/projects/" + slug)
                .then()
                .statusCode(200);

        as(ci).body(run(2, "main", "\"tag\": \"rel-2\"")).post(runs).then().statusCode(201);
        as(ci).get(releases).then().statusCode(200).body("tag", hasItem("rel-2"));
    }
}
