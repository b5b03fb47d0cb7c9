package io.regtrack.cargo;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real cargo builds a real crate under four profiles; the resolver must give exactly the
 * flags cargo passed to rustc, and the uploaded runs must keep the sizes of the real files.
 */
@QuarkusTest
class CargoGroundTruthTest {

    private static final Map<String, Map<String, String>> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("dev", Map.of());
        PROFILES.put("release", Map.of());
        PROFILES.put("min-size", Map.of());
        PROFILES.put("dist", Map.of("CARGO_PROFILE_DIST_OPT_LEVEL", "2", "CARGO_PROFILE_DIST_DEBUG", "1"));
        PROFILES.put("test", Map.of("CARGO_INCREMENTAL", "0", "CARGO_PROFILE_TEST_OVERFLOW_CHECKS", "false"));
    }

    @TempDir
    Path work;

    @Test
    void theResolverAgreesWithCargoAndTheRunsKeepTheRealSizes() throws Exception {
        Tools.require("cargo");
        Tools.require("rustc");
        CargoBuild crate = new CargoBuild(work);
        String rustc = CargoBuild.rustcVersion();
        String slug = project("cargo", false);
        String ci = token(slug, "ingest");
        Map<String, Long> fileSizes = new LinkedHashMap<>();

        for (Map.Entry<String, Map<String, String>> profile : PROFILES.entrySet()) {
            CargoBuild.Built built = crate.build(profile.getKey(), profile.getValue());
            Resolution resolved = ProfileResolver.resolve(new ProfileInputs(
                    profile.getKey(),
                    CargoBuild.MANIFEST,
                    null,
                    List.of(CargoBuild.CONFIG),
                    profile.getValue(),
                    rustc,
                    "x86_64-unknown-linux-gnu"));
            Map<String, String> observed = RustcInvocation.parse(built.log()).settings();
            for (String key : CargoBuild.trackedByRustcFlags()) {
                assertThat(resolved.values().get(key))
                        .as("%s of profile %s (cargo passed: %s)", key, profile.getKey(), observed)
                        .isEqualTo(observed.get(key));
            }
            long size = Files.size(built.binary());
            fileSizes.put(profile.getKey(), size);

            Map<String, Object> upload = Map.of(
                    "commit",
                    sha(1),
                    "branch",
                    "main",
                    "toolchain",
                    Map.of("rustc", rustc, "target", "x86_64-unknown-linux-gnu"),
                    "profile",
                    Map.of(
                            "name",
                            profile.getKey(),
                            "manifest",
                            CargoBuild.MANIFEST,
                            "cargoConfig",
                            List.of(CargoBuild.CONFIG),
                            "env",
                            profile.getValue(),
                            "rustcInvocation",
                            built.log()),
                    "measurements",
                    List.of(Map.of("kind", "size", "name", "sumloop", "value", size)));
            int runId = as(ci).body(new ObjectMapper().writeValueAsString(upload))
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201)
                    .body("warnings", hasSize(0))
                    .extract()
                    .path("runId");
            as(ci).get("/api/v1/projects/" + slug + "/runs/" + runId)
                    .then()
                    .statusCode(200)
                    .body("profile.name", equalTo(profile.getKey()))
                    .body("profile.effective.opt-level.value", equalTo(observed.get("opt-level")))
                    .body("profile.warnings", hasSize(0));
        }

        as(ci).get("/api/v1/projects/" + slug + "/runs/" + runIdOf(ci, slug, "dist"))
                .then()
                .body("profile.effective.codegen-units.value", equalTo("4"))
                .body("profile.effective.codegen-units.source", equalTo("config"))
                .body("profile.effective.opt-level.source", equalTo("env"))
                .body("profile.effective.lto.value", equalTo("thin"))
                .body("profile.effective.lto.source", equalTo("manifest"));

        List<Map<String, Object>> runs = as(ci).queryParam("limit", 10)
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .extract()
                .jsonPath()
                .getList("runs");
        Map<String, Long> stored = new LinkedHashMap<>();
        for (Map<String, Object> run : runs) {
            long value = ((Number) as(ci).get("/api/v1/projects/" + slug + "/runs/" + run.get("id"))
                            .then()
                            .extract()
                            .path("measurements[0].value"))
                    .longValue();
            stored.put((String) run.get("profile"), value);
        }
        assertThat(stored).isEqualTo(fileSizes);
        assertThat(order(stored)).isEqualTo(order(fileSizes));
        assertThat(fileSizes.get("min-size")).isLessThan(fileSizes.get("release"));
        assertThat(fileSizes.get("release")).isLessThan(fileSizes.get("dev"));

        as(ci).get("/api/v1/projects/" + slug + "/commits/" + sha(1) + "/matrix")
                .then()
                .statusCode(200)
                .body("differingSettings.opt-level.dev", equalTo("0"))
                .body("differingSettings.opt-level.release", equalTo("3"))
                .body("differingSettings.opt-level.min-size", equalTo("z"))
                .body("differingSettings.opt-level.dist", equalTo("2"))
                .body("differingSettings.panic.min-size", equalTo("abort"))
                .body("frontier", equalTo(List.of("min-size")));
    }

    @Test
    void aWorkspaceWithConfigFilesAndAPackageOverrideResolvesAsCargoBuilds() throws Exception {
        Tools.require("cargo");
        String root = """
                [workspace]
                members = ["app"]
                resolver = "2"

                [profile.release]
                codegen-units = 2
                overflow-checks = true

                [profile.release.package.sumloop]
                opt-level = 1
                """;
        String member = io.regtrack.testing.Crates.PACKAGE + "\n[profile.release]\nlto = true\n";
        String near = "[profile.release]\ndebug = 1\n";
        String far = "[profile.release]\ndebug = 2\npanic = \"abort\"\n";
        Path ws = work.resolve("ws");
        Files.createDirectories(ws.resolve("app/src"));
        Files.createDirectories(ws.resolve("app/.cargo"));
        Files.createDirectories(ws.resolve(".cargo"));
        Files.writeString(ws.resolve("Cargo.toml"), root);
        Files.writeString(ws.resolve("app/Cargo.toml"), member);
        Files.writeString(ws.resolve("app/src/main.rs"), CargoBuild.MAIN);
        Files.writeString(ws.resolve("app/.cargo/config.toml"), near);
        Files.writeString(ws.resolve(".cargo/config.toml"), far);
        ProcessBuilder cargo = new ProcessBuilder("cargo", "build", "-v", "--offline", "--release")
                .directory(ws.resolve("app").toFile())
                .redirectErrorStream(true);
        cargo.environment()
                .keySet()
                .removeIf(
                        k -> k.startsWith("CARGO_PROFILE_") || k.equals("RUSTFLAGS") || k.equals("CARGO_INCREMENTAL"));
        Process process = cargo.start();
        String log = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(log).isZero();

        Resolution resolved = ProfileResolver.resolve(new ProfileInputs(
                "release",
                member,
                root,
                List.of(near, far),
                Map.of(),
                CargoBuild.rustcVersion(),
                "x86_64-unknown-linux-gnu"));
        Map<String, String> observed = RustcInvocation.parse(log).settings();
        for (String key : CargoBuild.trackedByRustcFlags()) {
            assertThat(resolved.values().get(key))
                    .as("%s (cargo passed: %s)", key, observed)
                    .isEqualTo(observed.get(key));
        }
        assertThat(resolved.settings())
                .containsEntry("opt-level", new Effective("1", "workspace"))
                .containsEntry("debug", new Effective("limited", "config"))
                .containsEntry("panic", new Effective("abort", "config"))
                .containsEntry("lto", new Effective("false", "default"));
        assertThat(resolved.warnings()).isNotEmpty();
    }

    private static List<String> order(Map<String, Long> sizes) {
        return sizes.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static int runIdOf(String token, String slug, String profile) {
        List<Map<String, Object>> runs = as(token)
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .extract()
                .jsonPath()
                .getList("runs");
        return runs.stream()
                .filter(r -> profile.equals(r.get("profile")))
                .map(r -> (Integer) r.get("id"))
                .findFirst()
                .orElseThrow();
    }
}
