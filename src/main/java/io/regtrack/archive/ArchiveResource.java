package io.regtrack.archive;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/export")
@Tag(name = "Projects")
public class ArchiveResource {

    public static final String NDJSON = "application/x-ndjson";

    private final ExportService exports;

    ArchiveResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    @Produces(NDJSON)
    @Operation(
            summary = "Export a project",
            description = "The whole project as JSON lines, written as it is read: an `export` header, the "
                    + "`release`s, the project's `settings` (thresholds, release pattern, pinned release), every "
                    + "`run` with its measurements (samples and parts) and the comparison it was answered, oldest "
                    + "received first, and every `alert` with its triage status and note. Runs are named by `ref` "
                    + "(their idempotency key, or their upload's fingerprint and time of receipt), never by a "
                    + "database id. Import it into any instance with POST /imports?format=regtrack. Admin only.")
    @APIResponse(
            responseCode = "200",
            description = "The project, one JSON object per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", description = "No token, or not a valid one")
    @APIResponse(responseCode = "403", description = "Not an admin token")
    @APIResponse(responseCode = "404", description = "No such project")
    public Response export(@PathParam("slug") String slug) {
        ExportService.Export export = exports.prepare(slug);
        StreamingOutput body = out -> exports.write(export, out);
        return Response.ok(body, NDJSON)
                .header("Content-Disposition", "attachment; filename=\"" + export.slug() + ".jsonl\"")
                .build();
    }
}
