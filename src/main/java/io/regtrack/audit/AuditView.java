package io.regtrack.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One audit entry: who did what, to what, when")
public record AuditView(
        long id,
        Instant at,

        @Schema(example = "token.revoked") String action,

        @Schema(description = "What was changed", example = "token 17")
        String subject,

        Actor actor,

        @Schema(description = "What the change was; its fields depend on the action", type = SchemaType.OBJECT)
        JsonNode detail) {

    @Schema(
            description = "Who did it: a token (its name and id, never its secret) or a GitHub Actions job "
                    + "(its repository and ref)")
    public record Actor(
            String name,

            @Schema(description = "The token's id; null for the configured admin token and GitHub Actions jobs")
            Long tokenId,

            String repository,
            String ref) {}

    @Schema(description = "A page of audit entries, newest first")
    public record Page(
            List<AuditView> entries,

            @Schema(description = "Pass as `before` for the next (older) page; null on the last page")
            Long nextBefore) {}
}
