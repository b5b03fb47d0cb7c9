package io.regtrack.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored run with its measurements, as the API shows it. */
@Schema(description = "A stored run with its environment, effective profile and measurements")
public record RunView(
        long id,
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

        @Schema(description = "The run-level status of its comparison")
        String status,

        Map<String, String> toolchain,
        Map<String, String> runner,
        ProfileView profile,
        List<MeasurementView> measurements) {

    @Schema(
            description = "The build profile: the effective value of each setting with where it came from, and "
                    + "where the inputs disagreed")
    public record ProfileView(String name, Map<String, EffectiveSetting> effective, List<String> warnings) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasurementView(
            String kind,
            String name,
            String unit,
            Double value,
            double[] samples,

            @Schema(description = "The value, or the median of the samples")
            double center,

            Map<String, Long> parts) {

        static MeasurementView of(Measurement m) {
            return new MeasurementView(m.kind, m.name, m.unit, m.value, m.samples, m.center, m.parts);
        }
    }

    static RunView of(Run run, List<Measurement> measurements) {
        Map<String, EffectiveSetting> effective = new LinkedHashMap<>(run.profileEffective);
        return new RunView(
                run.id,
                run.commitSha,
                run.branch,
                run.tag,
                run.parentCommit,
                run.pullRequest,
                run.committedAt,
                run.receivedAt,
                run.message,
                run.author,
                run.ciUrl,
                run.idempotencyKey,
                run.status,
                run.toolchain,
                run.runner,
                new ProfileView(run.profileName, effective, run.profileWarnings),
                measurements.stream().map(MeasurementView::of).toList());
    }
}
