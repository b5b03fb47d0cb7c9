package io.regtrack.web;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.run;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Every refusal is a problem+json answer, and a refused request stores nothing. */
@QuarkusTest
class RefusalTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    DataSource db;

    @Test
    void aChunkedBodyOverFiveMebibytesIsA413Problem() throws Exception {
        String slug = project("chunked", false);
        String ingest = token(slug, "ingest");
        String answer;
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/projects/" + slug + "/runs HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + ingest + "\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            chunk(out, "{\"commit\": \"".getBytes(StandardCharsets.US_ASCII));
            try {
                for (int i = 0; i < 6 * 16; i++) { // 6 MiB
                    chunk(out, chunk);
                }
            } catch (java.io.IOException closedByTheServer) {
                // the server answered and closed the connection before the whole body was sent
            }
            socket.setSoTimeout(10_000);
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer).contains("\"status\":413").contains("over 5 MiB");
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsStored() throws Exception {
        String slug = project("chunked-ok", false);
        String ingest = token(slug, "ingest");
        byte[] body = run(1, "main", null).getBytes(StandardCharsets.UTF_8);
        String answer;
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/projects/" + slug + "/runs HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + ingest + "\r\nContent-Type: application/json\r\n"
                            + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            chunk(out, java.util.Arrays.copyOfRange(body, 0, 40));
            chunk(out, java.util.Arrays.copyOfRange(body, 40, body.length));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 201");
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
    }

    @Test
    void aLengthFarPastTheLimitIsA413AndOneThatIsNoLengthIsRefused() throws Exception {
        String slug = project("length", false);
        String ingest = token(slug, "ingest");
        String huge = raw(
                "POST /api/v1/projects/" + slug + "/runs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ingest
                        + "\r\nContent-Type: application/json\r\nContent-Length: 9000000000000000000\r\n\r\n{");
        assertThat(huge).startsWith("HTTP/1.1 413").contains("application/problem+json");
        String notANumber = raw("POST /api/v1/projects/" + slug + "/runs HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + ingest + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 99999999999999999999999\r\n\r\n{}");
        assertThat(notANumber).startsWith("HTTP/1.1 400");
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void anOverLongAddressIsA414Problem() {
        given().get("/api/v1/projects/" + "a".repeat(10_000))
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("status", equalTo(414));
    }

    @Test
    void aBodyWithoutAContentTypeIsA415AndNothingIsStored() throws Exception {
        String slug = project("no-type", false);
        String ingest = token(slug, "ingest");
        byte[] body = run(1, "main", null).getBytes(StandardCharsets.UTF_8);
        String answer = raw("POST /api/v1/projects/" + slug + "/runs HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + ingest + "\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.UTF_8));
        assertThat(answer).startsWith("HTTP/1.1 415").contains("application/problem+json");
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void queryValuesFollowTheUploadRules() {
        String slug = project("query", true);
        anonymous()
                .queryParam("kind", "../../")
                .queryParam("name", "app")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
        anonymous()
                .queryParam("kind", "size")
                .queryParam("name", "app")
                .queryParam("branch", "a..b")
                .get("/api/v1/projects/" + slug + "/series")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("branch"));
        anonymous()
                .queryParam("branch", "-x")
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("branch"));
    }

    @Test
    void aBodyIsNotReadForACallerWhoMayNotWrite() {
        String slug = project("parse-after-auth", false);
        anonymous()
                .body("{this is not json")
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        as("rgt_not-a-token")
                .body("{this is not json")
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(401);
        as(token(slug, "read"))
                .body("{this is not json")
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(403);
        as(token(slug, "ingest"))
                .body("{this is not json")
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void apiAnswersAreNotCachedAndPageScriptsAreVersioned() {
        String slug = project("cache", false);
        admin().get("/api/v1/projects/" + slug).then().statusCode(200).header("Cache-Control", "no-store");
        anonymous().get("/api/v1/projects/" + slug).then().statusCode(401).header("Cache-Control", "no-store");
        String page = given().get("/projects/" + slug)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-cache")
                .extract()
                .asString();
        assertThat(page).containsPattern("src=\"/dashboard/app\\.js\\?v=[0-9a-f]{12}\"");
        given().get("/dashboard/app.js")
                .then()
                .statusCode(200)
                .header("Cache-Control", matchesPattern(".*immutable.*"));
    }

    @Test
    void aReleasePatternThatWouldBacktrackForeverMatchesInLinearTime() {
        String slug = project("redos", false);
        admin().body(Map.of("releasePattern", "^(a|aa)+$"))
                .patch("/api/v1/projects/" + slug)
                .then()
                .statusCode(200);
        String ingest = token(slug, "ingest");
        as(ingest)
                .body(run(1, "main", "\"tag\": \"" + "a".repeat(200) + "!\""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
        as(ingest)
                .body(run(2, "main", "\"tag\": \"" + "a".repeat(200) + "\""))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
        as(ingest).get("/api/v1/projects/" + slug + "/releases").then().body("size()", equalTo(1));
        admin().body(Map.of("releasePattern", "^(a)\\1$"))
                .patch("/api/v1/projects/" + slug)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("releasePattern"));
    }

    @Test
    void aReplayThatMeansTheSameUploadIsAReplay() {
        String slug = project("meaning", false);
        String ingest = token(slug, "ingest");
        String first = "{\"commit\": \"" + sha(7) + "\", \"branch\": \"main\", \"idempotencyKey\": \"k-1\","
                + " \"committedAt\": \"2026-11-20T10:00:00Z\", \"profile\": {\"settings\": {\"lto\": \"fat\", \"debug\": 0}},"
                + " \"measurements\": [{\"kind\": \"size\", \"name\": \"a\", \"value\": 1},"
                + " {\"kind\": \"size\", \"name\": \"b\", \"value\": 2}]}";
        String same = "{\"measurements\": [{\"value\": 2, \"name\": \"b\", \"kind\": \"size\"},"
                + " {\"name\": \"a\", \"kind\": \"size\", \"value\": 1}], \"idempotencyKey\": \"k-1\","
                + " \"profile\": {\"settings\": {\"debug\": 0, \"lto\": \"fat\"}}, \"committedAt\": \"2026-11-20T11:00:00+01:00\","
                + " \"branch\": \"main\", \"commit\": \"" + sha(7).toUpperCase() + "\"}";
        int runId = as(ingest)
                .body(first)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .extract()
                .path("runId");
        as(ingest)
                .body(same)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(200)
                .body("runId", equalTo(runId));
        as(ingest)
                .body(same.replace("\"value\": 2", "\"value\": 3"))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(409);
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            byte[] buffer = new byte[8192];
            int n = socket.getInputStream().read(buffer);
            return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws java.io.IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
