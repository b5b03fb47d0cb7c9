package io.regtrack.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for a project token. */
@Schema(description = "A token to create for one project")
public record NewToken(
        @Schema(description = "What the token is for", example = "github-actions") @NotBlank @Size(max = 200)
        String name,

        @Schema(
                description = "`ingest` posts runs and releases (and reads); `read` only reads",
                enumeration = {"ingest", "read"})
        @NotNull
        @Pattern(
                regexp = "^(ingest|read)$",
                message = "must be 'ingest' or 'read' (admin tokens are not tied to a project)")
        String scope) {}
