package io.regtrack.project;

import io.regtrack.auth.NewToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
public class TokenResource {

    private final ProjectService projects;

    TokenResource(ProjectService projects) {
        this.projects = projects;
    }

    @POST
    @Operation(
            summary = "Create a project token",
            description = "Needs an admin token. The token text is returned once; " + "only its hash is stored.")
    @APIResponse(responseCode = "201", description = "Created; the answer holds the token text")
    public Response create(@PathParam("slug") String slug, NewToken body) {
        return Response.status(Response.Status.CREATED)
                .entity(projects.issueToken(slug, body))
                .build();
    }
}
