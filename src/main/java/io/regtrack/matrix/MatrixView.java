package io.regtrack.matrix;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "One commit built under several profiles: size and runtime per profile, the settings that "
                + "differ, and the size/speed Pareto frontier")
public record MatrixView(
        String commit,

        @Schema(description = "The profile the summary compares with: release when present")
        String reference,

        List<Cell> profiles,

        @Schema(description = "Settings whose effective value differs between profiles: setting → profile → value")
        Map<String, Map<String, String>> differingSettings,

        @Schema(description = "Profiles no other profile beats on both size and time")
        List<String> frontier,

        @Schema(example = "[\"min-size: -35.0 % size, +2.0 % time versus release\"]")
        List<String> summary) {

    @Schema(description = "One profile's run of the commit")
    public record Cell(
            String profile,
            String target,
            long runId,
            Map<String, Double> sizes,
            Map<String, Double> runtimes,
            double totalSize,
            Double totalRuntime,

            @Schema(description = "The build's wall time in seconds (the `build-time` measurements), when recorded")
            Double buildTime,

            boolean pareto) {}
}
