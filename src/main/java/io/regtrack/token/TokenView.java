package io.regtrack.token;

import io.regtrack.auth.Scope;
import io.regtrack.auth.Token;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored token as an admin sees it: never its text or hash. */
@Schema(description = "A token, without its secret")
public record TokenView(
        long id,
        String name,
        Scope scope,

        @Schema(description = "The project's slug; null for an admin token of the whole server")
        String project,

        Instant createdAt,

        @Schema(description = "To the minute; null when never used")
        Instant lastUsedAt,

        @Schema(description = "null: never ends") Instant expiresAt,

        Instant revokedAt,

        @Schema(enumeration = {"live", "expired", "revoked"})
        String state) {

    static TokenView of(Token t, String project, Instant now) {
        String state = t.revokedAt != null ? "revoked" : t.isLive(now) ? "live" : "expired";
        return new TokenView(
                t.id, t.name, t.scope(), project, t.createdAt, t.lastUsedAt, t.expiresAt, t.revokedAt, state);
    }
}
