package io.regtrack.token;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
public class ProjectTokenResource {

    private final TokenLifecycle tokens;

    ProjectTokenResource(TokenLifecycle tokens) {
        this.tokens = tokens;
    }

    @POST
    @Operation(
            summary = "Create a project token (admin)",
            description = "Needs an admin token of the server or of this project. The token text is returned once; "
                    + "only its hash is stored. `expiresAt` (optional, in the future) ends it.")
    @APIResponse(responseCode = "201", description = "Created; the answer holds the token text")
    public Response create(@PathParam("slug") String slug, NewToken body) {
        return Response.status(Response.Status.CREATED)
                .entity(tokens.issue(slug, body))
                .build();
    }

    @GET
    @Operation(
            summary = "The project's tokens (admin)",
            description = "Every token, revoked and expired ones included, with when it was last used (to the "
                    + "minute); never its text or hash.")
    public List<TokenView> list(@PathParam("slug") String slug) {
        return tokens.list(slug);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Revoke a project token (admin)",
            description = "The next request with it is refused, on every instance. Revoking a revoked token "
                    + "changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("slug") String slug, @PathParam("id") long id) {
        tokens.revoke(slug, id);
        return Response.noContent().build();
    }
}
