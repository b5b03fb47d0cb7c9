package io.regtrack.cargo;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Profile inputs in uploads: resolved on ingest, refused when Cargo would refuse them, used to explain deltas. */
@QuarkusTest
class ProfileUploadTest {

    private static final String PACKAGE = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n";

    @Inject
    DataSource db;

    private static String upload(int n, String tag, String manifest, Map<String, Object> extra, long size)
            throws Exception {
        Map<String, Object> profile = new java.util.HashMap<>(Map.of("name", "release", "manifest", manifest));
        profile.putAll(extra);
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "commit",
                sha(n),
                "branch",
                "main",
                "committedAt",
                "2026-09-%02dT00:00:00Z".formatted(n),
                "toolchain",
                Map.of("rustc", "1.95.0", "target", "x86_64-unknown-linux-gnu"),
                "profile",
                profile,
                "measurements",
                List.of(Map.of("kind", "size", "name", "app", "value", size))));
        if (tag != null) {
            body.put("tag", tag);
        }
        return new ObjectMapper().writeValueAsString(body);
    }

    @Test
    void aManifestChangeExplainsTheSizeDelta() throws Exception {
        String slug = project("explain", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(upload(
                        1, "v1.0.0", PACKAGE + "[profile.release]\nopt-level = \"z\"\nlto = true\n", Map.of(), 200_000))
                .post(runs)
                .then()
                .statusCode(201);
        as(ci).body(upload(2, null, PACKAGE + "[profile.release]\nopt-level = 3\n", Map.of(), 290_000))
                .post(runs)
                .then()
                .statusCode(201)
                .body("status", equalTo("regressed"))
                .body("verdicts[0].explanations", equalTo(List.of("lto: fat → false", "opt-level: z → 3")))
                .body("profileChanges.setting", equalTo(List.of("lto", "opt-level")))
                .body("markdown", containsString("`lto: fat → false`"));
    }

    @Test
    void observedFlagsWinAndTheDisagreementIsAWarning() throws Exception {
        String slug = project("observed", false);
        String ci = token(slug, "ingest");
        String rustc = "Running `rustc --crate-name app --crate-type bin -C opt-level=2 -C target-cpu=native`";
        int id = as(ci).body(upload(
                        1, null, PACKAGE, Map.of("rustcInvocation", rustc, "settings", Map.of("lto", "fat")), 1000))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201)
                .body(
                        "warnings",
                        hasItem(containsString("profile.settings gives lto = fat but Cargo's rules give false")))
                .body("warnings", hasItem(containsString("rustc was given opt-level = 2")))
                .extract()
                .path("runId");
        as(ci).get("/api/v1/projects/" + slug + "/runs/" + id)
                .then()
                .body("profile.effective.opt-level.value", equalTo("2"))
                .body("profile.effective.opt-level.source", equalTo("rustc"))
                .body("profile.effective.lto.value", equalTo("false"))
                .body("profile.effective.lto.source", equalTo("rustc"))
                .body("profile.effective.rustflags.value", equalTo("-C target-cpu=native"))
                .body("profile.effective.codegen-units.source", equalTo("default"));
    }

    @Test
    void inputsCargoWouldRefuseAre400AndStoreNothing() throws Exception {
        String slug = project("refused", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        as(ci).body(upload(1, null, PACKAGE + "[profile.release\n", Map.of(), 1))
                .post(runs)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("profile.manifest"))
                .body("violations[0].message", containsString("line 4, column"));
        as(ci).body(upload(1, null, PACKAGE + "[profile.release]\nopt-level = 4\n", Map.of(), 1))
                .post(runs)
                .then()
                .statusCode(400)
                .body("violations[0].message", containsString("opt-level = 4"));
        as(ci).body(upload(1, null, PACKAGE, Map.of("name", "nightly"), 1))
                .post(runs)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("profile.name"));
        as(ci).body(upload(1, null, PACKAGE, Map.of("cargoConfig", List.of("[profile.release]\nlto = \"maybe\"\n")), 1))
                .post(runs)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("profile.cargoConfig[0]"));
        as(ci).body(upload(1, null, PACKAGE, Map.of("settings", Map.of("panic", "halt")), 1))
                .post(runs)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("profile.settings.panic"));
        as(ci).body(upload(1, null, PACKAGE, Map.of("rustcInvocation", "no rustc here"), 1))
                .post(runs)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("profile.rustcInvocation"));
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void runsBuiltAlikeShareAFingerprintAndTheMigrationComputesTheSame() throws Exception {
        String slug = project("fingerprint", false);
        String ci = token(slug, "ingest");
        String runs = "/api/v1/projects/" + slug + "/runs";
        String manifest = PACKAGE + "[profile.release]\nopt-level = \"z\"\nlto = true\n";
        as(ci).body(upload(1, null, manifest, Map.of(), 1000)).post(runs).then().statusCode(201);
        as(ci).body(upload(2, null, manifest, Map.of(), 1000)).post(runs).then().statusCode(201);
        as(ci).body(upload(3, null, PACKAGE, Map.of(), 1000)).post(runs).then().statusCode(201);
        String hashes = "select string_agg(environment_hash, ' ' order by r.id) from runs r"
                + " join projects p on p.id = r.project_id where p.slug = ?";
        String written = Rows.text(db, hashes, slug);
        String[] each = written.split(" ");
        assertThat(each).hasSize(3);
        assertThat(each[0]).isEqualTo(each[1]).isNotEqualTo(each[2]);

        String migration = new String(
                getClass()
                        .getResourceAsStream("/db/migration/V7__canonical_environment_hash.sql")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String recompute = migration
                .lines()
                .filter(line -> !line.startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"))
                .split(";")[0];
        Rows.update(db, recompute + " where project_id = (select id from projects where slug = '" + slug + "')");
        assertThat(Rows.text(db, hashes, slug)).isEqualTo(written);
    }
}
