package io.regtrack.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token just created: its text is in this answer and nowhere else, ever. */
@Schema(description = "A new token. The text is shown only in this answer.")
public record IssuedToken(
        @Schema(example = "rgt_3kTq9ZrX0bLmP4wV...") String token, String name, Scope scope, String project) {}
