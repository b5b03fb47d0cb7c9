package io.regtrack.deletion;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunDeletionResource {

    private final RunDeletionService service;

    RunDeletionResource(RunDeletionService service) {
        this.service = service;
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a run (admin)",
            description = "Removes a bad run with its measurements, in one transaction. Alerts it was the culprit, a "
                    + "suspect or the detection of are decided again from the remaining history: moved to the culprit "
                    + "it still shows (triage state and note kept), or removed when the change went with the run. "
                    + "Runs that were judged against it are judged again against their baseline now; charts and "
                    + "blocks no longer show its points. A release of its commit stays, judged by the commit's other "
                    + "runs. A run that is not there (deleted already) answers 204 too, and changes nothing.")
    @APIResponse(responseCode = "204", description = "The run is not stored any more")
    @APIResponse(responseCode = "404", description = "No such project")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        service.delete(slug, id);
        return Response.noContent().build();
    }
}
