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

/** The admin tokens of the whole server: issue another, list, revoke, so that one is replaced without downtime. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
public class ServerTokenResource {

    private final TokenLifecycle tokens;

    ServerTokenResource(TokenLifecycle tokens) {
        this.tokens = tokens;
    }

    @POST
    @Operation(
            summary = "Create another admin token of the server (admin of the server)",
            description = "The token text is returned once. To replace an admin token: create one, move to it, "
                    + "revoke the old one.")
    @APIResponse(responseCode = "201", description = "Created; the answer holds the token text")
    public Response create(NewServerToken body) {
        return Response.status(Response.Status.CREATED)
                .entity(tokens.issueServer(body))
                .build();
    }

    @GET
    @Operation(
            summary = "The server's admin tokens (admin of the server)",
            description = "Revoked and expired ones included; never their text or hash. The token set by "
                    + "REGTRACK_AUTH_ADMIN_TOKEN is not stored and not listed.")
    public List<TokenView> list() {
        return tokens.listServer();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Revoke an admin token of the server (admin of the server)",
            description = "The next request with it is refused, on every instance. The last admin token of the "
                    + "server that works is not revoked (409): create another one first.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "409", description = "It is the last admin token of the server that works")
    public Response revoke(@PathParam("id") long id) {
        tokens.revokeServer(id);
        return Response.noContent().build();
    }
}
