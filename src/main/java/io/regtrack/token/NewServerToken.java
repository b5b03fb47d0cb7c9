package io.regtrack.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for another admin token of the server, e.g. to replace one without downtime. */
@Schema(description = "An admin token of the whole server to create")
public record NewServerToken(
        @Schema(description = "Who or what holds it", example = "ops 2027") @NotBlank @Size(max = 200)
        String name,

        @Schema(
                description = "When the token stops working (ISO-8601 instant, in the future); never when left out",
                example = "2027-06-30T00:00:00Z")
        Instant expiresAt) {}
