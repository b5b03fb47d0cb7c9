package io.regtrack.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The confirmation a project's deletion needs: its slug, typed again. */
@Schema(description = "Confirms the deletion of a project and everything of it")
public record ProjectDeletion(
        @Schema(description = "The project's slug, typed again", example = "myapp")
        String confirm) {}
