package io.regtrack.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project as the API shows it. */
@Schema(description = "A tracked project")
public record ProjectView(
        String slug,
        String name,
        @JsonProperty("public") boolean isPublic,
        String defaultBranch,
        String repository,

        @Schema(description = "Tags matching this pattern mark their run as a release")
        String releasePattern,

        Instant createdAt) {

    static ProjectView of(Project p) {
        return new ProjectView(
                p.slug, p.name, p.isPublic, p.defaultBranch, p.repository, p.releasePattern, p.createdAt);
    }
}
