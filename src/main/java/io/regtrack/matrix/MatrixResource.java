package io.regtrack.matrix;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/commits/{sha}/matrix")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles")
public class MatrixResource {

    private final MatrixService service;

    MatrixResource(MatrixService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Profile matrix of a commit",
            description = "Size and runtime of one commit under each "
                    + "profile it was built with (the newest run per profile and target), the settings that differ, which "
                    + "profiles are on the size/speed Pareto frontier, and a summary against `release`.")
    public MatrixView matrix(@PathParam("slug") String slug, @PathParam("sha") String sha) {
        return service.matrix(slug, sha);
    }
}
