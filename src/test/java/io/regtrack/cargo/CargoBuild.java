package io.regtrack.cargo;

import io.regtrack.testing.Crates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Builds a real, dependency-free crate with the real cargo, offline. */
final class CargoBuild {

    static final String MANIFEST = Crates.PACKAGE + Crates.MIN_SIZE + """

            [profile.dist]
            inherits = "release"
            lto = "thin"
            """;
    static final String CONFIG = "[profile.dist]\ncodegen-units = 4\n";
    static final String MAIN = Crates.SUM_LOOP;

    /** The verbose build output and the binary it produced. */
    record Built(String log, Path binary) {}

    private final Path crate;

    CargoBuild(Path dir) throws IOException {
        this.crate = dir.resolve("sumloop");
        Files.createDirectories(crate.resolve("src"));
        Files.createDirectories(crate.resolve(".cargo"));
        Files.writeString(crate.resolve("Cargo.toml"), MANIFEST);
        Files.writeString(crate.resolve(".cargo/config.toml"), CONFIG);
        Files.writeString(crate.resolve("src/main.rs"), MAIN);
    }

    Built build(String profile, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder cargo = new ProcessBuilder("cargo", "build", "-v", "--offline", "--profile", profile)
                .directory(crate.toFile())
                .redirectErrorStream(true);
        cargo.environment().putAll(env);
        cargo.environment().put("CARGO_TERM_COLOR", "never");
        cargo.environment().keySet().removeIf(k -> k.startsWith("CARGO_PROFILE_") && !env.containsKey(k));
        cargo.environment().remove("RUSTFLAGS");
        Process process = cargo.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("cargo build --profile " + profile + " failed:\n" + log);
        }
        String dir = switch (profile) {
            case "dev", "test" -> "debug";
            case "release", "bench" -> "release";
            default -> profile;
        };
        return new Built(log, crate.resolve("target").resolve(dir).resolve("sumloop"));
    }

    static String rustcVersion() throws IOException, InterruptedException {
        Process rustc =
                new ProcessBuilder("rustc", "-V").redirectErrorStream(true).start();
        String out = new String(rustc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        rustc.waitFor();
        return out.split(" ")[1];
    }

    static List<String> trackedByRustcFlags() {
        return new ArrayList<>(List.of(
                "opt-level",
                "debug",
                "strip",
                "debug-assertions",
                "overflow-checks",
                "lto",
                "panic",
                "incremental",
                "codegen-units",
                "rpath"));
    }
}
