package io.regtrack.project;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ProjectResource {

    private final ProjectService service;

    private final ProjectDeletionService deletions;

    ProjectResource(ProjectService service, ProjectDeletionService deletions) {
        this.service = service;
        this.deletions = deletions;
    }

    @POST
    @Operation(
            summary = "Create a project",
            description = "Needs an admin token. The project is private unless `public` is true.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(NewProject request) {
        ProjectView created = service.create(request);
        return Response.created(UriBuilder.fromPath("/api/v1/projects/{slug}").build(created.slug()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(
            summary = "List projects",
            description = "Only the projects the caller may read: public ones, "
                    + "the token's own project, or all for an admin.")
    public List<ProjectView> list() {
        return service.listReadable();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One project")
    public ProjectView get(@PathParam("slug") String slug) {
        return service.view(slug);
    }

    @PATCH
    @Path("/{slug}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a project",
            description = "Needs an admin token. Fields left out stay as they are: "
                    + "name, public, defaultBranch, repository, releasePattern.")
    public ProjectView update(@PathParam("slug") String slug, ProjectUpdate change) {
        return service.update(slug, change);
    }

    @DELETE
    @Path("/{slug}")
    @Operation(
            summary = "Delete a project (admin)",
            description = "Removes the project and everything of it in one transaction: runs, measurements, releases, "
                    + "alerts, thresholds, its tokens, webhooks and their deliveries, charts' blocks. The body must "
                    + "confirm the slug: `{\"confirm\": \"<slug>\"}`. The slug can be created again afterwards. A "
                    + "project that is not there (deleted already) answers 204 too, and changes nothing.")
    @APIResponse(responseCode = "204", description = "The project is not stored any more")
    @APIResponse(responseCode = "400", description = "`confirm` is missing or is not the project's slug")
    public Response delete(@PathParam("slug") String slug, ProjectDeletion confirmation) {
        deletions.delete(slug, confirmation);
        return Response.noContent().build();
    }
}
