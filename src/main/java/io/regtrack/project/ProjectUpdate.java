package io.regtrack.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to a project; fields left out stay as they are. */
@Schema(description = "Changes to a project; fields left out stay as they are")
public record ProjectUpdate(
        @Size(min = 1, max = 200) String name,
        @JsonProperty("public") Boolean isPublic,
        @Size(max = 255) String defaultBranch,
        @Size(max = 2000) String repository,

        @Schema(
                description =
                        "A regular expression (RE2 syntax, matched in linear time); an upload whose tag matches it marks a release",
                example = "^v?\\d+\\.\\d+\\.\\d+$")
        @Size(min = 1, max = 500)
        String releasePattern) {}
