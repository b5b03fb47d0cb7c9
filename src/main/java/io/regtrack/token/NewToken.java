package io.regtrack.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for a project token. */
@Schema(description = "A token to create for one project")
public record NewToken(
        @Schema(description = "What the token is for", example = "github-actions") @NotBlank @Size(max = 200)
        String name,

        @Schema(
                description = "`ingest` posts runs and releases, triages alerts (and reads); `read` only reads; "
                        + "`admin` manages this project (its tokens, settings, thresholds, webhooks, releases and "
                        + "alerts) and nothing else",
                enumeration = {"ingest", "read", "admin"})
        @NotNull
        @Pattern(regexp = "^(ingest|read|admin)$", message = "must be 'ingest', 'read' or 'admin'")
        String scope,

        @Schema(
                description = "When the token stops working (ISO-8601 instant, in the future); never when left out",
                example = "2027-06-30T00:00:00Z")
        Instant expiresAt) {}
