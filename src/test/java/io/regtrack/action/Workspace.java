package io.regtrack.action;

import io.regtrack.testing.Crates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A git repository holding a small Rust crate, as a CI job would check it out. */
final class Workspace {

    static final String MANIFEST = Crates.PACKAGE + Crates.MIN_SIZE;

    static final String SMALL = Crates.SUM_LOOP;

    /** The same program carrying a 64 KiB table: a change that grows the binary. */
    static final String GROWN = """
            static TABLE: [u8; 65536] = [7; 65536];
            fn main() {
                // a volatile read hides the table from the optimiser (black_box needs Rust 1.66; Debian 12 has 1.63)
                let table: &[u8; 65536] = unsafe { std::ptr::read_volatile(&&TABLE) };
                let mut sum: u64 = table.iter().map(|&b| b as u64).sum();
                for i in 0..1_000_000u64 {
                    sum = sum.wrapping_add(i);
                }
                println!("{sum}");
            }
            """;

    final Path dir;
    private int commits;

    Workspace(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("Cargo.toml"), MANIFEST);
        Files.writeString(dir.resolve(".gitignore"), "target/\n");
        run(List.of("git", "init", "-q", "-b", "main"), Map.of());
        run(List.of("git", "config", "user.email", "ci@example.com"), Map.of());
        run(List.of("git", "config", "user.name", "CI"), Map.of());
    }

    /** Commits the program and returns the commit's SHA. */
    String commit(String program, String message) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("src/main.rs"), program);
        run(List.of("git", "add", "-A"), Map.of());
        String date = "2026-11-%02dT12:00:00Z".formatted(10 + commits++);
        run(
                List.of("git", "commit", "-q", "--allow-empty", "-m", message),
                Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date));
        return run(List.of("git", "rev-parse", "HEAD"), Map.of()).trim();
    }

    /** Builds a profile verbosely; returns the build log's path. */
    Path build(String profile) throws IOException, InterruptedException {
        String log = run(
                List.of("cargo", "build", "-v", "--offline", "--profile", profile),
                Map.of("CARGO_TERM_COLOR", "never"));
        Path file = dir.resolve("cargo-" + profile + ".log");
        Files.writeString(file, log);
        return file;
    }

    Path binary(String profile) {
        return dir.resolve("target")
                .resolve(profile.equals("release") ? "release" : profile)
                .resolve("sumloop");
    }

    /** Times the binary with hyperfine; returns the --export-json file. */
    Path benchmark(String profile) throws IOException, InterruptedException {
        Path json = dir.resolve("bench-" + profile + ".json");
        run(
                List.of(
                        "hyperfine",
                        "--shell=none",
                        "--runs",
                        "10",
                        "--warmup",
                        "1",
                        "--export-json",
                        json.toString(),
                        "--command-name",
                        "startup",
                        binary(profile).toString()),
                Map.of());
        return json;
    }

    String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().keySet().removeIf(k -> k.startsWith("CARGO_PROFILE_") || k.equals("RUSTFLAGS"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
