package io.regtrack.baseline;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/releases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Releases")
public class ReleaseResource {

    private final ReleaseService service;

    ReleaseResource(ReleaseService service) {
        this.service = service;
    }

    @POST
    @Operation(
            summary = "Mark a release",
            description = "The commit's runs (uploaded before or after) become the "
                    + "baseline for later commits. Needs an ingest token. Repeating the same tag and commit is harmless; "
                    + "the same tag on another commit is a 409. Uploads whose `tag` matches the project's release pattern "
                    + "mark themselves.")
    @APIResponse(responseCode = "201", description = "Marked")
    @APIResponse(responseCode = "200", description = "Already marked")
    @APIResponse(responseCode = "409", description = "The tag is already another commit")
    public Response create(@PathParam("slug") String slug, NewRelease release) {
        ReleaseService.Marked marked = service.create(slug, release);
        return Response.status(marked.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(marked.release())
                .build();
    }

    @PUT
    @Path("/pinned")
    @Operation(
            summary = "Pin the baseline",
            description = "Needs an admin token. Every run is then judged against "
                    + "this release instead of the newest earlier one; `{\"tag\": null}` unpins.")
    public List<ReleaseView> pin(@PathParam("slug") String slug, PinnedRelease pin) {
        return service.pin(slug, pin);
    }

    @GET
    @Operation(summary = "List releases", description = "Newest commit first")
    public List<ReleaseView> list(@PathParam("slug") String slug) {
        return service.list(slug);
    }
}
