package io.regtrack.baseline;

import io.regtrack.git.Sha;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Marks a commit's runs as a release: the baseline for later commits")
public record NewRelease(
        @Schema(example = "v1.4.0") @NotNull @Size(min = 1, max = 255)
        String tag,

        @Schema(example = "9fceb02d0ae598e95dc970b74767f19372d61af8")
        @NotNull
        @Pattern(regexp = Sha.PATTERN, message = Sha.RULE)
        String commit) {}
