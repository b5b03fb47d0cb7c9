package io.regtrack.baseline;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The release to judge every run against; null to judge against the newest earlier release")
public record PinnedRelease(
        @Schema(example = "v1.0.0") @Size(min = 1, max = 255)
        String tag) {}
