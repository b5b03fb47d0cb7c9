package io.regtrack.project;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/thresholds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ThresholdResource {

    private final ProjectService projects;

    ThresholdResource(ProjectService projects) {
        this.projects = projects;
    }

    @GET
    @Operation(summary = "The thresholds in force", description = "Every rule written out, defaults included.")
    public ThresholdsBody get(@PathParam("slug") String slug) {
        return projects.thresholdsOf(slug);
    }

    @PUT
    @Operation(
            summary = "Set the thresholds",
            description = "Needs an admin token. Replaces the project's thresholds; "
                    + "what is left out takes the default. Answers the thresholds in force.")
    public ThresholdsBody put(@PathParam("slug") String slug, ThresholdsBody body) {
        return projects.setThresholds(slug, body);
    }
}
