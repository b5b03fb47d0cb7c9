package io.regtrack.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RustcInvocationTest {

    @Test
    void readsTheFlagsCargoPassed() {
        String log = """
                   Compiling app v0.1.0 (/work/app)
                     Running `/home/u/.rustup/toolchains/stable/bin/rustc --crate-name app --edition=2021 src/main.rs --error-format=json --crate-type bin --emit=dep-info,link -C opt-level=z -C panic=abort -C lto -C codegen-units=1 -C metadata=7fe09badd5b72fac -C extra-filename=-032b318a48319a8c --out-dir /work/app/target/min-size/deps -C strip=symbols -L dependency=/work/app/target/min-size/deps -C target-cpu=native`
                    Finished `min-size` profile [optimized] target(s) in 0.20s
                """;
        RustcInvocation.Observed o = RustcInvocation.parse(log);
        assertThat(o.settings())
                .containsEntry("opt-level", "z")
                .containsEntry("panic", "abort")
                .containsEntry("lto", "fat")
                .containsEntry("codegen-units", "1")
                .containsEntry("strip", "symbols")
                .containsEntry("debug", "none")
                .containsEntry("debug-assertions", "false")
                .containsEntry("incremental", "false");
        assertThat(o.otherFlags()).containsExactly("-C target-cpu=native");
    }

    @Test
    void absentFlagsAreRustcDefaults() {
        RustcInvocation.Observed dev =
                RustcInvocation.parse("Running `rustc --crate-name app src/main.rs --crate-type bin "
                        + "-C embed-bitcode=no -C debuginfo=2 -C incremental=/t/incremental`");
        assertThat(dev.settings())
                .containsEntry("opt-level", "0")
                .containsEntry("debug", "full")
                .containsEntry("debug-assertions", "true")
                .containsEntry("overflow-checks", "true")
                .containsEntry("incremental", "true")
                .containsEntry("codegen-units", "256")
                .containsEntry("lto", "false")
                .containsEntry("strip", "none");
        RustcInvocation.Observed release =
                RustcInvocation.parse("rustc --crate-name app --crate-type bin -C opt-level=3 "
                        + "-C lto=thin -C debuginfo=1 -C overflow-checks=on");
        assertThat(release.settings())
                .containsEntry("lto", "thin")
                .containsEntry("debug", "limited")
                .containsEntry("overflow-checks", "true")
                .containsEntry("codegen-units", "16");
    }

    @Test
    void theBinaryCommandWinsOverDependencies() {
        String log = "Running `rustc --crate-name dep --crate-type lib -C opt-level=3`\n"
                + "Running `rustc --crate-name app --crate-type bin -C opt-level=s`\n"
                + "Running `rustc --crate-name build_script_build --crate-type lib -C opt-level=0`\n";
        assertThat(RustcInvocation.parse(log).settings()).containsEntry("opt-level", "s");
    }

    @Test
    void textWithoutRustcIsRefused() {
        assertThatThrownBy(() -> RustcInvocation.parse("Finished in 0.2s")).isInstanceOf(CargoProfileException.class);
        assertThat(RustcInvocation.words("a 'b c' \"d e\" f")).containsExactly("a", "b c", "d e", "f");
    }
}
