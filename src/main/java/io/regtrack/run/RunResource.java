package io.regtrack.run;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunResource {

    private final RunService service;

    RunResource(RunService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List runs", description = "Newest commit first, one page at a time.")
    public RunSummary.Page list(
            @PathParam("slug") String slug,
            @Parameter(description = "Only runs of this branch") @QueryParam("branch") String branch,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor) {
        return service.list(slug, branch, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One run with its measurements and effective profile")
    public RunView get(@PathParam("slug") String slug, @PathParam("id") long id) {
        return service.view(slug, id);
    }
}
