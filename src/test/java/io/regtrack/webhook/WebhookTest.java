package io.regtrack.webhook;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Webhooks against a receiver on this machine: what is sent, signed, retried, and never in an upload's way. */
@QuarkusTest
@QuarkusTestResource(value = Receiver.class, restrictToAnnotatedClass = true)
class WebhookTest {

    private static final String SECRET = "a-secret-of-some-length";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static long hook(String slug, String path, String events, String extra) {
        return ((Number) admin().body("""
                        {"url": "%s", "events": %s %s}
                        """.formatted(Receiver.url(path), events, extra))
                        .post("/api/v1/projects/" + slug + "/webhooks")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    private static void upload(String slug, String ci, int n, String tag, long size) {
        as(ci).body("""
                {"commit": "%s", "branch": "main", %s "committedAt": "2026-03-%02dT00:00:00Z",
                 "measurements": [{"kind": "size", "name": "app", "value": %d}]}
                """.formatted(sha(n), tag == null ? "" : "\"tag\": \"" + tag + "\",", n, size))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
    }

    @Test
    void newsIsPostedSignedOnceCommittedAndListedWithItsAnswers() throws Exception {
        String slug = project("hooks", false);
        String ci = token(slug, "ingest");
        String path = "/" + slug;
        long id = hook(
                slug,
                path,
                "[\"release.created\", \"alert.opened\", \"alert-summary.opened\", \"run.regressed\"]",
                ", \"secret\": \"" + SECRET + "\"");
        upload(slug, ci, 1, "v1.0.0", 100_000);
        upload(slug, ci, 2, null, 100_000);
        upload(slug, ci, 3, null, 150_000); // a size step: an alert, its summary and a regressed run

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Receiver.at(path))
                        .extracting(r -> r.header("X-Regtrack-Event"))
                        .hasSize(4));
        List<Receiver.Request> got = Receiver.at(path);
        assertThat(got)
                .extracting(r -> r.header("X-Regtrack-Event"))
                .containsExactlyInAnyOrder("release.created", "alert.opened", "alert-summary.opened", "run.regressed");
        for (Receiver.Request r : got) {
            assertThat(r.header(Signature.HEADER)).isEqualTo(Signature.of(SECRET, r.body()));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("deliveryId").asText()).isEqualTo(r.header("X-Regtrack-Delivery"));
            assertThat(body.get("project").asText()).isEqualTo(slug);
        }
        JsonNode opened = JSON.readTree(got.stream()
                .filter(r -> r.header("X-Regtrack-Event").equals("alert.opened"))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(opened.at("/data/alert/name").asText()).isEqualTo("app");
        assertThat(opened.at("/data/alert/culprit/commit").asText()).isEqualTo(sha(3));
        assertThat(opened.at("/data/alert/shown/delta").asText()).contains("50,000 B");

        admin().get("/api/v1/projects/" + slug + "/webhooks")
                .then()
                .statusCode(200)
                .body("[0].signed", org.hamcrest.Matchers.equalTo(true))
                .body(org.hamcrest.Matchers.not(containsString(SECRET)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> admin()
                        .get("/api/v1/projects/" + slug + "/webhooks/" + id + "/deliveries")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("state")
                        .stream()
                        .allMatch("delivered"::equals));
        admin().get("/api/v1/projects/" + slug + "/webhooks/" + id + "/deliveries")
                .then()
                .body("size()", org.hamcrest.Matchers.equalTo(4))
                .body("lastStatus", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(204)));
    }

    @Test
    void aRegressionBroughtBackIsSentAsFixed() throws Exception {
        String slug = project("fixed", false);
        String ci = token(slug, "ingest");
        String path = "/" + slug;
        hook(slug, path, "[\"alert.fixed\"]", "");
        upload(slug, ci, 1, "v1.0.0", 100_000);
        upload(slug, ci, 2, null, 100_000);
        upload(slug, ci, 3, null, 150_000); // a regression opens: not subscribed, nothing sent
        upload(slug, ci, 4, null, 100_000); // and is fixed by the change back
        await().atMost(Duration.ofSeconds(20)).until(() -> Receiver.at(path).size() >= 1);
        JsonNode fixed = JSON.readTree(Receiver.at(path).get(0).body());
        assertThat(fixed.get("event").asText()).isEqualTo("alert.fixed");
        assertThat(fixed.at("/data/alert/status").asText()).isEqualTo("fixed");
        assertThat(fixed.at("/data/alert/culprit/commit").asText()).isEqualTo(sha(3));
        assertThat(Receiver.at(path)).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsTriedAgainUntilAnswered() {
        String slug = project("retry", false);
        String path = "/" + slug;
        long id = hook(slug, path, "[\"release.created\"]", "");
        Receiver.FAIL_NEXT.set(2);
        upload(slug, token(slug, "ingest"), 1, "v1.0.0", 1000);
        await().atMost(Duration.ofSeconds(20)).until(() -> Receiver.at(path).size() >= 3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "delivered"
                        .equals(admin().get("/api/v1/projects/" + slug + "/webhooks/" + id + "/deliveries")
                                .then()
                                .extract()
                                .path("[0].state")));
        admin().get("/api/v1/projects/" + slug + "/webhooks/" + id + "/deliveries")
                .then()
                .body("[0].attempts", org.hamcrest.Matchers.equalTo(3))
                .body("[0].lastStatus", org.hamcrest.Matchers.equalTo(204));
        // The same delivery each time: one id for the receiver to drop repeats by.
        assertThat(Receiver.at(path).stream()
                        .map(r -> r.header("X-Regtrack-Delivery"))
                        .distinct())
                .hasSize(1);
    }

    @Test
    void aReceiverThatDoesNotAnswerNeverHoldsAnUploadUp() throws Exception {
        String slug = project("stuck", false);
        String path = "/" + slug;
        hook(slug, path, "[\"release.created\"]", ", \"format\": \"slack\"");
        String ci = token(slug, "ingest");
        Receiver.hold = new CountDownLatch(1);
        try {
            upload(slug, ci, 1, "v1.0.0", 1000);
            await().pollDelay(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> true);
            // The receiver still holds the delivery; uploads go on all the same.
            upload(slug, ci, 2, "v1.1.0", 1000);
            assertThat(Receiver.at(path)).isEmpty();
        } finally {
            Receiver.hold.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Receiver.at(path).size() >= 2);
        assertThat(JSON.readTree(Receiver.at(path).get(0).body()).get("text").asText())
                .startsWith("regtrack · " + slug + ": release v1.");
    }

    @Test
    void onlyAnAdminManagesWebhooksAndBadOnesAreRefused() {
        String slug = project("hookrules", false);
        as(token(slug, "ingest"))
                .body("{\"url\": \"https://example.com/x\", \"events\": [\"alert.opened\"]}")
                .post("/api/v1/projects/" + slug + "/webhooks")
                .then()
                .statusCode(403);
        admin().body("{\"url\": \"ftp://example.com/x\", \"events\": [\"alert.opened\", \"alert.exploded\"],"
                        + " \"format\": \"xml\"}")
                .post("/api/v1/projects/" + slug + "/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("url", "events[1]", "format"));
        admin().get("/api/v1/projects/" + slug + "/webhooks").then().body("size()", org.hamcrest.Matchers.equalTo(0));
        admin().get("/api/v1/projects/" + slug + "/webhooks/999999/deliveries")
                .then()
                .statusCode(404);
    }
}
