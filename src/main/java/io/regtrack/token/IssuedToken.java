package io.regtrack.token;

import io.regtrack.auth.Scope;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token just created: its text is in this answer and nowhere else, ever. */
@Schema(description = "A new token. The text is shown only in this answer.")
public record IssuedToken(
        long id,
        @Schema(example = "rgt_3kTq9ZrX0bLmP4wV...") String token,
        String name,
        Scope scope,

        @Schema(description = "The project's slug; null for an admin token of the whole server")
        String project,

        Instant expiresAt) {}
