package io.regtrack.archive;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.regtrack.project.ThresholdsBody;
import io.regtrack.run.EffectiveSetting;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The lines of a project's export, one JSON object each, told apart by {@code type}, in this order:
 * the {@code export} header, the {@code release}s, the project's {@code settings}, the {@code run}s
 * (oldest received first, each with its measurements) and the {@code alert}s. Runs are named by a
 * {@code ref} that means the same in any instance (their idempotency key, or their upload's
 * fingerprint and time of receipt), and alerts and comparisons refer to runs by it, so the file
 * carries no database ids and can be imported in parts, cut at any line after the settings.
 * The stored forms are not these records: either can change without the other.
 */
public final class ArchiveLine {

    public static final String FORMAT = "regtrack";
    public static final int VERSION = 1;

    private ArchiveLine() {}

    public record Header(String type, String format, int version, String project, Instant exportedAt) {}

    public record ReleaseLine(String type, String tag, String commit, Instant committedAt, Instant createdAt) {}

    public record SettingsLine(
            String type,
            String name,
            @JsonProperty("public") boolean isPublic,
            String defaultBranch,
            String repository,
            String releasePattern,
            ThresholdsBody thresholds,
            String pinnedRelease) {}

    public record RunLine(
            String type,
            String ref,
            String commit,
            String branch,
            String tag,
            String parentCommit,
            Integer pullRequest,
            Instant committedAt,
            Instant receivedAt,
            String message,
            String author,
            String ciUrl,
            String idempotencyKey,
            String requestHash,
            Map<String, String> toolchain,
            Map<String, String> runner,
            String target,
            String profileName,
            Map<String, Object> profileSettings,
            Map<String, Object> profileInputs,
            Map<String, EffectiveSetting> profileEffective,
            List<String> profileWarnings,
            String environmentHash,
            String status,
            JsonNode comparison,
            String baselineRun,
            List<MeasurementLine> measurements) {}

    public record MeasurementLine(
            String kind,
            String name,
            String unit,
            Double value,
            double[] samples,
            double center,
            Map<String, Long> parts) {}

    public record AlertLine(
            String type,
            String branch,
            String kind,
            String name,
            String unit,
            String target,
            String profileName,
            String status,
            String direction,
            String method,
            String releaseRun,
            String releaseTag,
            double before,
            double after,
            double delta,
            Double deltaPercent,
            String detectedRun,
            String detectedCommit,
            String culpritRun,
            String culpritCommit,
            List<String> suspects,
            List<String> explanations,
            String note,
            Instant openedAt,
            Instant updatedAt) {}
}
