package io.regtrack.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectiveProfileTest {

    @Test
    void aCustomProfileWithoutItsManifestKeepsOnlyWhatIsStated() {
        EffectiveProfile.Result r = EffectiveProfile.of(
                new ProfileInputs("min-size", null, null, null, null, "1.95.0", null), Map.of("opt-level", "z"), null);
        assertThat(r.settings()).containsOnlyKeys("opt-level").containsEntry("opt-level", new Effective("z", "upload"));
        assertThat(r.warnings()).singleElement().asString().contains("not built into Cargo");
    }

    @Test
    void observedFlagsThatAgreeKeepTheSourceThatExplainsThem() {
        String manifest = "[package]\nname = \"app\"\n[profile.release]\nlto = true\n";
        EffectiveProfile.Result r = EffectiveProfile.of(
                new ProfileInputs("release", manifest, null, null, null, "1.95.0", null),
                null,
                "Running `rustc --crate-name app --crate-type bin -C opt-level=3 -C lto -C strip=debuginfo`");
        assertThat(r.settings())
                .containsEntry("lto", new Effective("fat", "manifest"))
                .containsEntry("opt-level", new Effective("3", "default"));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void rustflagsFromTheEnvironmentAreRecorded() {
        EffectiveProfile.Result r = EffectiveProfile.of(
                new ProfileInputs("release", null, null, null, Map.of("RUSTFLAGS", "-C target-cpu=native"), null, null),
                null,
                null);
        assertThat(r.settings()).containsEntry("rustflags", new Effective("-C target-cpu=native", "env"));
    }
}
