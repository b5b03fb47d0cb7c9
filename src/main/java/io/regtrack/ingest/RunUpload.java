package io.regtrack.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.regtrack.git.Sha;
import io.regtrack.web.QueryCheck;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One CI upload: a commit on a branch, its environment and its measurements. */
@Schema(description = "One CI upload for one commit. Fields beyond these are accepted and ignored.")
public record RunUpload(
        @Schema(
                description = "Full commit SHA (40 or 64 hex digits)",
                example = "9fceb02d0ae598e95dc970b74767f19372d61af8")
        @NotNull
        @Pattern(regexp = Sha.PATTERN, message = Sha.RULE)
        String commit,

        @Schema(description = "Branch the commit was built on (a valid git ref name)", example = "main")
        @NotNull
        @Size(min = 1, max = 255)
        String branch,

        @Schema(
                description = "Tag on this commit, if any; a release tag marks the run as a release",
                example = "v1.4.0")
        @Size(max = 255)
        String tag,

        @Pattern(regexp = Sha.PATTERN, message = Sha.RULE) String parentCommit,
        @Positive Integer pullRequest,

        @Schema(description = "Commit time; the time of upload when absent", example = "2026-11-23T10:15:00Z")
        OffsetDateTime committedAt,

        @Size(max = 20_000) String message,
        @Size(max = 200) String author,
        @Size(max = 2_000) String ciUrl,

        @Schema(
                description = "Replaying an upload with the same key returns the stored comparison and stores nothing",
                example = "gh-123456789-1-build")
        @Size(min = 1, max = 200)
        String idempotencyKey,

        @Valid Toolchain toolchain,
        @Valid Runner runner,
        @Valid ProfileUpload profile,

        @Schema(
                description =
                        "Measurements, each (kind, name) once; with those parsed from `results`, 1 to 5,000 in all")
        @Size(max = 5_000)
        List<@NotNull @Valid MeasurementUpload> measurements,

        @Schema(
                description = "Benchmark tools' own output, parsed on the server into measurements that keep the "
                        + "tool's benchmark names")
        @Size(max = 100)
        List<@NotNull @Valid ResultUpload> results) {

    @Schema(
            description = "One tool's output. `format`: hyperfine (`--export-json`), criterion (one benchmark's "
                    + "`{\"sample\": new/sample.json, \"estimates\": new/estimates.json, \"benchmark\": benchmark.json}`), "
                    + "libtest (`cargo bench` text), bmf (Bencher Metric Format), gab (github-action-benchmark custom "
                    + "JSON: the array, or `{\"direction\": \"smaller\"|\"bigger\", \"benchmarks\": [...]}`), gbench "
                    + "(Google Benchmark `--benchmark_format=json`), iai-callgrind (its summary JSON), cargo-bloat "
                    + "(`--message-format json`, with `--crates` or functions). `name` names a single benchmark, or "
                    + "prefixes several (`name/benchmark`); cargo-bloat needs it (the binary's name).")
    public record ResultUpload(
            @Schema(
                    example = "criterion",
                    enumeration = {
                        "hyperfine",
                        "criterion",
                        "libtest",
                        "bmf",
                        "gab",
                        "gbench",
                        "iai-callgrind",
                        "cargo-bloat"
                    })
            @NotNull
            @Size(max = 32)
            String format,

            @Schema(example = "parse") @Size(max = 200) String name,

            @Schema(
                    implementation = Object.class,
                    required = true,
                    description = "The tool's output: JSON as the tool wrote it, or text (libtest) as a string")
            @NotNull
            JsonNode content) {}

    @Schema(description = "The toolchain that built the binaries")
    public record Toolchain(
            @Schema(example = "1.95.0") @Size(max = 200) String rustc,

            @Schema(example = "x86_64-unknown-linux-gnu") @Size(max = 200)
            String target,

            @Size(max = 200) String cargo) {}

    @Schema(description = "The machine that built and ran them")
    public record Runner(
            @Schema(example = "ubuntu-24.04") @Size(max = 200)
            String os,

            @Schema(example = "x86_64") @Size(max = 200) String arch,
            @Size(max = 200) String cpu) {}

    @Schema(description = "The build profile and what it was resolved from; every field is optional")
    public record ProfileUpload(
            @Schema(example = "release")
            @Pattern(
                    regexp = QueryCheck.PROFILE,
                    message = "must be a Cargo profile name: letters, digits, '-' and '_'")
            String name,

            @Schema(description = "Settings given explicitly, e.g. {\"opt-level\": \"3\", \"lto\": \"fat\"}")
            @Size(max = 100)
            Map<@Size(max = 100) String, Object> settings,

            @Size(max = 1_000_000) String manifest,
            @Size(max = 1_000_000) String workspaceManifest,
            @Size(max = 20) List<@NotNull @Size(max = 1_000_000) String> cargoConfig,
            @Size(max = 500) Map<@Size(max = 200) String, @NotNull @Size(max = 10_000) String> env,
            @Size(max = 100_000) String rustcInvocation) {}

    @Schema(description = "One measurement: one `value`, or raw `samples`")
    public record MeasurementUpload(
            @Schema(description = "`size`, `runtime` or a custom kind", example = "size")
            @NotNull
            @Pattern(regexp = QueryCheck.KIND, message = "must be 'size', 'runtime' or a lower-case custom kind")
            String kind,

            @Schema(description = "Binary or benchmark name", example = "myapp") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "Defaults: bytes for size, seconds for runtime", example = "bytes")
            @Size(min = 1, max = 32)
            String unit,

            @Schema(example = "303552") Double value,
            @Size(min = 1, max = 10_000) List<@NotNull Double> samples,

            @Schema(
                    description = "Size parts in bytes: stripped size, sections, crates",
                    example = "{\"stripped\": 281344, \".text\": 201232}")
            @Size(max = 1_000)
            Map<@NotBlank @Size(max = 200) String, @NotNull Double> parts) {}
}
