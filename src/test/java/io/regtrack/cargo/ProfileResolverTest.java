package io.regtrack.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileResolverTest {

    private static final String APP = """
            [package]
            name = "app"
            version = "0.1.0"
            edition = "2021"
            """;

    private static Resolution resolve(String profile, String manifest) {
        return ProfileResolver.resolve(new ProfileInputs(profile, manifest, null, null, null, "1.95.0", null));
    }

    private static Resolution resolve(ProfileInputs in) {
        return ProfileResolver.resolve(in);
    }

    @Test
    void releaseDefaultsAreCargosNotTheFolklore() {
        Map<String, String> release = resolve("release", APP).values();
        assertThat(release)
                .containsEntry("opt-level", "3")
                .containsEntry("debug", "none")
                .containsEntry("lto", "false") // thin-local, not fat
                .containsEntry("codegen-units", "16") // not 1
                .containsEntry("panic", "unwind") // not abort
                .containsEntry("strip", "debuginfo") // not symbols: only debuginfo, because debug is off
                .containsEntry("incremental", "false")
                .containsEntry("debug-assertions", "false")
                .containsEntry("overflow-checks", "false")
                .containsEntry("rpath", "false")
                .containsEntry("split-debuginfo", "off");
        assertThat(resolve("release", APP).settings().values())
                .extracting(Effective::source)
                .containsOnly("default");
    }

    @Test
    void devAndTheInheritingBuiltIns() {
        assertThat(resolve("dev", APP).values())
                .containsEntry("opt-level", "0")
                .containsEntry("debug", "full")
                .containsEntry("strip", "none")
                .containsEntry("incremental", "true")
                .containsEntry("codegen-units", "256")
                .containsEntry("debug-assertions", "true");
        assertThat(resolve("test", APP + "[profile.dev]\nopt-level = 1\n").values())
                .containsEntry("opt-level", "1")
                .containsEntry("debug", "full");
        assertThat(resolve("bench", APP + "[profile.release]\nlto = \"thin\"\n").values())
                .containsEntry("lto", "thin");
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "lto|true|fat",
                "lto|false|false",
                "lto|\"off\"|off",
                "lto|\"thin\"|thin",
                "lto|\"fat\"|fat",
                "strip|true|symbols",
                "strip|false|none",
                "strip|\"debuginfo\"|debuginfo",
                "debug|true|full",
                "debug|2|full",
                "debug|\"full\"|full",
                "debug|1|limited",
                "debug|\"limited\"|limited",
                "debug|0|none",
                "debug|false|none",
                "debug|\"line-tables-only\"|line-tables-only",
                "opt-level|\"z\"|z",
                "opt-level|\"s\"|s",
                "opt-level|1|1",
                "opt-level|\"2\"|2",
                "panic|\"abort\"|abort",
                "codegen-units|1|1",
                "incremental|true|true",
                "rpath|true|true",
                "split-debuginfo|\"packed\"|packed",
                "overflow-checks|true|true",
                "debug-assertions|true|true"
            })
    void valuesAreNormalised(String key, String toml, String expected) {
        Resolution r = resolve("release", APP + "[profile.release]\n" + key + " = " + toml + "\n");
        assertThat(r.settings().get(key)).isEqualTo(new Effective(expected, "manifest"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "opt-level|4",
                "opt-level|\"fast\"",
                "lto|\"yes\"",
                "debug|3",
                "strip|\"all\"",
                "panic|\"halt\"",
                "codegen-units|0",
                "codegen-units|\"many\"",
                "incremental|\"maybe\"",
                "split-debuginfo|\"split\""
            })
    void invalidValuesAreRefusedAsCargoWould(String key, String toml) {
        assertThatThrownBy(() -> resolve("release", APP + "[profile.release]\n" + key + " = " + toml + "\n"))
                .isInstanceOf(CargoProfileException.class)
                .hasMessageContaining(key)
                .extracting(e -> ((CargoProfileException) e).field())
                .isEqualTo("profile.manifest");
    }

    @Test
    void stripFollowsDebugUnlessSet() {
        assertThat(resolve("release", APP + "[profile.release]\ndebug = true\n").values())
                .containsEntry("strip", "none");
        assertThat(resolve("release", APP + "[profile.release]\ndebug = 1\nstrip = \"symbols\"\n")
                        .values())
                .containsEntry("strip", "symbols");
        assertThat(resolve("dev", APP + "[profile.dev]\ndebug = false\n").values())
                .containsEntry("strip", "debuginfo");
        assertThat(ProfileResolver.resolve(new ProfileInputs("release", APP, null, null, null, "1.76.0", null))
                        .values())
                .containsEntry("strip", "none");
    }

    @Test
    void customProfilesInheritThroughChains() {
        String manifest = APP + """
                [profile.release]
                lto = true
                [profile.dist]
                inherits = "release"
                codegen-units = 1
                [profile.dist-small]
                inherits = "dist"
                opt-level = "z"
                """;
        Resolution r = resolve("dist-small", manifest);
        assertThat(r.values())
                .containsEntry("lto", "fat")
                .containsEntry("codegen-units", "1")
                .containsEntry("opt-level", "z")
                .containsEntry("panic", "unwind")
                .containsEntry("strip", "debuginfo");
        assertThat(r.settings().get("lto").source()).isEqualTo("manifest");
        assertThat(r.settings().get("panic").source()).isEqualTo("default");
    }

    @Test
    void configOverridesTheManifestAndTheEnvironmentOverridesBoth() {
        String manifest = APP + "[profile.release]\nlto = true\nopt-level = 2\ncodegen-units = 4\n";
        List<String> configs = List.of(
                "[profile.release]\nopt-level = \"s\"\n", // nearest directory
                "[profile.release]\nopt-level = 1\ncodegen-units = 8\n"); // a parent directory
        Resolution r = resolve(new ProfileInputs(
                "release", manifest, null, configs, Map.of("CARGO_PROFILE_RELEASE_LTO", "thin"), "1.95.0", null));
        assertThat(r.settings())
                .containsEntry("opt-level", new Effective("s", "config"))
                .containsEntry("codegen-units", new Effective("8", "config"))
                .containsEntry("lto", new Effective("thin", "env"));
    }

    @Test
    void environmentNamesUseUpperCaseAndUnderscores() {
        String manifest = APP + "[profile.my-dist]\ninherits = \"release\"\n";
        Resolution r = resolve(new ProfileInputs(
                "my-dist",
                manifest,
                null,
                null,
                Map.of(
                        "CARGO_PROFILE_MY_DIST_CODEGEN_UNITS",
                        "2",
                        "CARGO_PROFILE_RELEASE_PANIC",
                        "abort",
                        "CARGO_PROFILE_MY_DIST_DEBUG_ASSERTIONS",
                        "true"),
                null,
                null));
        assertThat(r.settings())
                .containsEntry("codegen-units", new Effective("2", "env"))
                .containsEntry("panic", new Effective("abort", "env"))
                .containsEntry("debug-assertions", new Effective("true", "env"));
        assertThatThrownBy(() -> resolve(new ProfileInputs(
                        "release", APP, null, null, Map.of("CARGO_PROFILE_RELEASE_OPT_LEVEL", "9"), null, null)))
                .isInstanceOf(CargoProfileException.class)
                .extracting(e -> ((CargoProfileException) e).field())
                .isEqualTo("profile.env");
    }

    @Test
    void aProfileCanBeDefinedByConfigOrEnvironmentAlone() {
        Resolution fromConfig = resolve(new ProfileInputs(
                "ci", APP, null, List.of("[profile.ci]\ninherits = \"dev\"\nopt-level = 1\n"), null, null, null));
        assertThat(fromConfig.values()).containsEntry("opt-level", "1").containsEntry("debug", "full");
        Resolution fromEnv = resolve(new ProfileInputs(
                "fast",
                APP,
                null,
                null,
                Map.of("CARGO_PROFILE_FAST_INHERITS", "release", "CARGO_PROFILE_FAST_LTO", "true"),
                null,
                null));
        assertThat(fromEnv.values()).containsEntry("lto", "fat").containsEntry("opt-level", "3");
    }

    @Test
    void packageOverridesApplyToTheBinarysOwnPackage() {
        String manifest = APP + """
                [profile.release]
                opt-level = 3
                [profile.release.package.app]
                opt-level = "s"
                [profile.release.package."*"]
                opt-level = 1
                [profile.release.package.other]
                opt-level = 0
                """;
        assertThat(resolve("release", manifest).settings().get("opt-level")).isEqualTo(new Effective("s", "manifest"));
        assertThatThrownBy(() -> resolve("release", APP + "[profile.release.package.app]\npanic = \"abort\"\n"))
                .isInstanceOf(CargoProfileException.class)
                .hasMessageContaining("panic");
    }

    @Test
    void profilesComeOnlyFromTheWorkspaceRoot() {
        String member = APP + "[profile.release]\nlto = true\n";
        String root = "[workspace]\nmembers = [\"app\"]\n[profile.release]\ncodegen-units = 1\n";
        Resolution r = resolve(new ProfileInputs("release", member, root, null, null, null, null));
        assertThat(r.settings())
                .containsEntry("codegen-units", new Effective("1", "workspace"))
                .containsEntry("lto", new Effective("false", "default"));
        assertThat(r.warnings()).singleElement().asString().contains("ignored");
    }

    @Test
    void unknownProfilesLoopsAndBadTomlAreRefused() {
        assertThatThrownBy(() -> resolve("nightly", APP))
                .isInstanceOf(CargoProfileException.class)
                .hasMessageContaining("no profile 'nightly'");
        assertThatThrownBy(() -> resolve("dist", APP + "[profile.dist]\nlto = true\n"))
                .hasMessageContaining("inherits");
        assertThatThrownBy(() -> resolve("a", APP + "[profile.a]\ninherits = \"b\"\n[profile.b]\ninherits = \"a\"\n"))
                .hasMessageContaining("loops");
        assertThatThrownBy(() -> resolve("release", APP + "[profile.release\nlto = true\n"))
                .isInstanceOf(CargoProfileException.class)
                .hasMessageContaining("line 5");
    }

    @Test
    void incrementalIsOverriddenForAllProfilesAndDecidesTheDefaultCodegenUnits() {
        Resolution ci =
                resolve(new ProfileInputs("dev", APP, null, null, Map.of("CARGO_INCREMENTAL", "0"), null, null));
        assertThat(ci.settings())
                .containsEntry("incremental", new Effective("false", "env"))
                .containsEntry("codegen-units", new Effective("16", "default"));
        Resolution config = resolve(
                new ProfileInputs("release", APP, null, List.of("[build]\nincremental = true\n"), null, null, null));
        assertThat(config.settings())
                .containsEntry("incremental", new Effective("true", "config"))
                .containsEntry("codegen-units", new Effective("256", "default"));
        assertThat(resolve("release", APP + "[profile.release]\nincremental = true\ncodegen-units = 4\n")
                        .values())
                .containsEntry("codegen-units", "4");
    }

    @Test
    void nothingGivenMeansCargosDefaults() {
        Resolution r = ProfileResolver.resolve(new ProfileInputs(null, null, null, null, null, null, null));
        assertThat(r.profile()).isEqualTo("release");
        assertThat(r.values()).containsEntry("opt-level", "3").hasSize(Settings.KEYS.size());
    }
}
