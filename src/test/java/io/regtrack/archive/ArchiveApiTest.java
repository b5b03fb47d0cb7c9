package io.regtrack.archive;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A project exported as JSON lines and imported into another project comes back as it was: its
 * runs (with samples, parts, keys and the answers they were sent), releases, settings and alerts
 * with their triage; an import repeated changes nothing, a bad line stores nothing.
 */
@QuarkusTest
class ArchiveApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void anExportImportedIntoAnotherProjectExportsTheSameAndAnImportRepeatedChangesNothing() throws Exception {
        String source = project("archive-source", false);
        String ci = token(source, "ingest");
        admin().body(Map.of("size", Map.of("percent", 2.0)))
                .put("/api/v1/projects/" + source + "/thresholds")
                .then()
                .statusCode(200);
        for (int n = 0; n < 8; n++) {
            String key = n == 3 ? null : "gh-" + n; // one upload without an idempotency key
            as(ci).body(upload(n, "main", n == 1 ? "v1.0.0" : null, key, n < 4 ? 300_000 : 330_000))
                    .post("/api/v1/projects/" + source + "/runs")
                    .then()
                    .statusCode(201);
        }
        as(ci).body(upload(20, "feature/x", null, "gh-feature", 310_000))
                .post("/api/v1/projects/" + source + "/runs")
                .then()
                .statusCode(201);
        long alert = as(ci).get("/api/v1/projects/" + source + "/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("[0].id");
        as(ci).body(Map.of("status", "acknowledged", "note", "the new parser; accepted"))
                .patch("/api/v1/projects/" + source + "/alerts/" + alert)
                .then()
                .statusCode(200);
        admin().body(Map.of("tag", "v1.0.0"))
                .put("/api/v1/projects/" + source + "/releases/pinned")
                .then()
                .statusCode(200);

        String exported = export(source);
        List<JsonNode> lines = parse(exported);
        assertThat(lines)
                .extracting(l -> l.get("type").asText())
                .containsExactly(
                        "export",
                        "release",
                        "settings",
                        "run",
                        "run",
                        "run",
                        "run",
                        "run",
                        "run",
                        "run",
                        "run",
                        "run",
                        "alert");
        assertThat(lines.get(2).get("pinnedRelease").asText()).isEqualTo("v1.0.0");
        assertThat(lines.get(2).at("/thresholds/size/percent").asDouble()).isEqualTo(2.0);
        assertThat(lines.get(12).get("status").asText()).isEqualTo("acknowledged");
        assertThat(lines.get(12).get("note").asText()).isEqualTo("the new parser; accepted");
        JsonNode measured = lines.get(3).get("measurements");
        assertThat(measured.findValuesAsText("name")).containsExactly("startup", "app");
        assertThat(measured.get(0).get("samples")).hasSize(5);
        assertThat(measured.get(1).at("/parts/.text").asLong()).isEqualTo(200_000);
        assertThat(exported).doesNotContain("\"id\"");

        String target = project("archive-target", false);
        Response first = importInto(target, exported);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(first.jsonPath().getInt("runs.created")).isEqualTo(9);
        assertThat(first.jsonPath().getInt("measurements")).isEqualTo(18);
        Response again = importInto(target, exported);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.jsonPath().getInt("runs.created")).isZero();
        assertThat(again.jsonPath().getInt("runs.replayed")).isEqualTo(9);

        String reexported = export(target);
        assertThat(normalized(reexported)).isEqualTo(normalized(exported));
        assertThat(parse(reexported)).hasSize(lines.size());

        String inParts = project("archive-parts", false);
        String[] cut = exported.split("\n");
        String firstPart = String.join("\n", java.util.Arrays.copyOfRange(cut, 0, 7));
        String secondPart = String.join("\n", java.util.Arrays.copyOfRange(cut, 7, cut.length));
        assertThat(importInto(inParts, firstPart).statusCode()).isEqualTo(200);
        assertThat(importInto(inParts, secondPart).statusCode())
                .as("the alert refers to runs imported by the first part")
                .isEqualTo(200);
        assertThat(normalized(export(inParts))).isEqualTo(normalized(exported));

        String targetCi = token(target, "ingest");
        Response replay = as(targetCi)
                .body(upload(5, "main", null, "gh-5", 330_000))
                .post("/api/v1/projects/" + target + "/runs");
        assertThat(replay.statusCode())
                .as("a CI retry of an exported upload is answered from the imported run")
                .isEqualTo(200);
        long runId = replay.jsonPath().getLong("runId");
        assertThat(replay.jsonPath().getString("url")).endsWith("/projects/" + target + "/runs/" + runId);
        as(targetCi).get("/api/v1/projects/" + target + "/runs/" + runId).then().statusCode(200);
        JsonNode alerts = JSON.readTree(as(targetCi)
                .get("/api/v1/projects/" + target + "/alerts?status=acknowledged")
                .asString());
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("note").asText()).isEqualTo("the new parser; accepted");
        assertThat(as(targetCi)
                        .get("/api/v1/projects/" + target + "/runs?limit=50")
                        .jsonPath()
                        .getList("runs"))
                .hasSize(9);
    }

    @Test
    void aBadLineIsA400NamingItAndStoresNothing() throws Exception {
        String source = project("archive-bad", false);
        String ci = token(source, "ingest");
        for (int n = 0; n < 3; n++) {
            as(ci).body(upload(n, "main", n == 0 ? "v2.0.0" : null, "k-" + n, 300_000 + n))
                    .post("/api/v1/projects/" + source + "/runs")
                    .then()
                    .statusCode(201);
        }
        List<JsonNode> lines = parse(export(source));
        ((ObjectNode) lines.get(4)).put("commit", "not-a-commit");
        StringBuilder broken = new StringBuilder();
        lines.forEach(l -> broken.append(l).append('\n'));

        String target = project("archive-bad-target", false);
        Response refused = importInto(target, broken.toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("violations[0].field")).isEqualTo("line 5");
        assertThat(refused.jsonPath().getString("violations[0].message")).contains("commit");
        String after = export(target);
        assertThat(parse(after)).extracting(l -> l.get("type").asText()).containsExactly("export", "settings");

        Response garbage = importInto(target, "{\"type\":\"run\",\"commit\":\n");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.jsonPath().getString("violations[0].field")).isEqualTo("line 1");
    }

    @Test
    void aProjectOfManyPagesExportsWholeInOrder() throws Exception {
        int runs = 2 * ExportService.PAGE + 50;
        StringBuilder file = new StringBuilder();
        file.append("{\"type\":\"export\",\"format\":\"regtrack\",\"version\":1}\n");
        for (int n = 0; n < runs; n++) {
            // three runs received at the same moment across the first page's end
            Instant received = START.plusSeconds(
                    n >= ExportService.PAGE - 2 && n <= ExportService.PAGE ? ExportService.PAGE - 2 : n);
            file.append(String.format(
                    "{\"type\":\"run\",\"ref\":\"key:bulk-%d\",\"commit\":\"%s\",\"branch\":\"main\","
                            + "\"committedAt\":\"%s\",\"receivedAt\":\"%s\",\"idempotencyKey\":\"bulk-%d\","
                            + "\"requestHash\":\"h%d\",\"environmentHash\":\"e\",\"status\":\"no-baseline\","
                            + "\"measurements\":[{\"kind\":\"size\",\"name\":\"app\",\"unit\":\"bytes\","
                            + "\"value\":%d,\"center\":%d}]}%n",
                    n, sha(5000 + n), START.plusSeconds(60L * n), received, n, n, 1000 + n, 1000 + n));
        }
        String slug = project("archive-pages", false);
        Response imported = importInto(slug, file.toString());
        assertThat(imported.statusCode()).as(imported.asString()).isEqualTo(200);
        assertThat(imported.jsonPath().getInt("runs.created")).isEqualTo(runs);

        List<String> refs = parse(export(slug)).stream()
                .filter(l -> "run".equals(l.get("type").asText()))
                .map(l -> l.get("ref").asText())
                .toList();
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < runs; n++) {
            expected.add("key:bulk-" + n);
        }
        assertThat(refs)
                .as("every run once, oldest received first, across %d pages", 3)
                .isEqualTo(expected);
    }

    @Test
    void exportAndImportAreForAdminsOnly() {
        String slug = project("archive-admin", false);
        String ci = token(slug, "ingest");
        Response forbidden =
                given().header("Authorization", "Bearer " + ci).get("/api/v1/projects/" + slug + "/export");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(given().get("/api/v1/projects/" + slug + "/export").statusCode())
                .isEqualTo(401);
        assertThat(given().header("Authorization", "Bearer " + ci)
                        .contentType(ArchiveResource.NDJSON)
                        .body(new byte[0])
                        .post("/api/v1/projects/" + slug + "/imports?format=regtrack")
                        .statusCode())
                .isEqualTo(403);
    }

    private static String upload(int n, String branch, String tag, String key, long size) {
        return """
                {"commit": "%s", "branch": "%s", %s %s "committedAt": "%s", "message": "change %d",
                 "toolchain": {"rustc": "1.95.0", "target": "x86_64-unknown-linux-gnu"},
                 "runner": {"os": "ubuntu-24.04", "arch": "x86_64"},
                 "profile": {"name": "release", "settings": {"lto": "fat"}},
                 "measurements": [
                   {"kind": "size", "name": "app", "unit": "bytes", "value": %d,
                    "parts": {".text": 200000, ".rodata": %d}},
                   {"kind": "runtime", "name": "startup", "samples": [0.1, 0.11, 0.1, 0.12, 0.105]}]}
                """.formatted(
                        sha(1000 + n),
                        branch,
                        tag == null ? "" : "\"tag\": \"" + tag + "\",",
                        key == null ? "" : "\"idempotencyKey\": \"" + key + "\",",
                        START.plusSeconds(3600L * n),
                        n,
                        size,
                        size - 200_000);
    }

    private static String export(String slug) {
        Response export = admin().accept(ArchiveResource.NDJSON).get("/api/v1/projects/" + slug + "/export");
        assertThat(export.statusCode()).as(export.asString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith(ArchiveResource.NDJSON);
        return export.asString();
    }

    private static Response importInto(String slug, String body) {
        return given().header("Authorization", "Bearer " + io.regtrack.testing.Api.ADMIN_TOKEN)
                .contentType(ArchiveResource.NDJSON + "; charset=UTF-8")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/projects/" + slug + "/imports?format=regtrack");
    }

    private static List<JsonNode> parse(String lines) throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.isBlank()) {
                parsed.add(JSON.readTree(line));
            }
        }
        return parsed;
    }

    /** The lines without what names the instance: the project's slug, the export's time, run ids and links. */
    private static List<String> normalized(String export) throws Exception {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : parse(export)) {
            ObjectNode l = (ObjectNode) line;
            if ("export".equals(l.get("type").asText())) {
                l.remove(List.of("project", "exportedAt"));
            }
            if (l.get("comparison") instanceof ObjectNode c) {
                c.put("runId", 0);
                c.put("url", "");
                if (c.get("baseline") instanceof ObjectNode b) {
                    b.put("runId", 0);
                }
            }
            lines.add(l.toString().replaceAll("/projects/[^/\\s)\"]+/runs/\\d+", "/projects/*/runs/*"));
        }
        return lines;
    }
}
