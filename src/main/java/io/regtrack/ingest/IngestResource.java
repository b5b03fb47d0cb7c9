package io.regtrack.ingest;

import io.regtrack.comparison.Comparison;
import io.regtrack.web.HttpLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class IngestResource {

    private final IngestService service;

    IngestResource(IngestService service) {
        this.service = service;
    }

    @POST
    @Operation(
            summary = "Upload a run",
            description = "Stores one CI run with its measurements and answers its "
                    + "comparison against the release baseline. Needs an ingest token of the project. Replaying an upload "
                    + "with the same idempotencyKey answers 200 with the stored comparison and stores nothing; the same key "
                    + "with a different upload is a 409.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RunUpload.class),
                            examples = @ExampleObject(name = "size and runtime", value = Examples.UPLOAD)))
    @APIResponse(
            responseCode = "201",
            description = "Stored; the comparison",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Comparison.class),
                            examples = @ExampleObject(name = "first run", value = Examples.COMPARISON)))
    @APIResponse(
            responseCode = "200",
            description = "A replay: the stored comparison; nothing new stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Comparison.class)))
    @APIResponse(responseCode = "400", description = "Invalid upload; nothing stored")
    @APIResponse(responseCode = "409", description = "The idempotencyKey was used for a different upload")
    @APIResponse(responseCode = "401", description = "No token, or not a valid one; the body was not read")
    @APIResponse(responseCode = "413", description = "The body is over " + HttpLimits.MAX_MIB + " MiB")
    @APIResponse(responseCode = "415", description = "The body is not sent as application/json")
    @APIResponse(
            responseCode = "503",
            description = "The database cannot be reached right now; nothing was stored. Retry after the "
                    + "Retry-After seconds")
    public Response upload(@PathParam("slug") String slug, RunUpload upload) {
        IngestResult result = service.ingest(slug, upload);
        return Response.status(result.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(result.comparison())
                .build();
    }
}
