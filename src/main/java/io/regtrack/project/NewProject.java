package io.regtrack.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to create a project. */
@Schema(description = "A project to create. Private unless `public` is true.")
public record NewProject(
        @Schema(description = "URL name of the project", example = "myapp")
        @NotNull
        @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
        String slug,

        @Schema(description = "Display name", example = "My App") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Readable without a token when true", defaultValue = "false") @JsonProperty("public")
        Boolean isPublic,

        @Schema(description = "Branch whose regressions open alerts", defaultValue = "main", example = "main")
        @Size(max = 255)
        String defaultBranch,

        @Schema(description = "Source repository URL", example = "https://github.com/acme/myapp") @Size(max = 2000)
        String repository) {}
