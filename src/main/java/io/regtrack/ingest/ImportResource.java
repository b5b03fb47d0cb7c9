package io.regtrack.ingest;

import io.regtrack.archive.ArchiveResource;
import io.regtrack.web.HttpLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class ImportResource {

    static final String JAVASCRIPT = "text/javascript";
    static final String APPLICATION_JAVASCRIPT = "application/javascript";

    private final ImportService service;

    ImportResource(ImportService service) {
        this.service = service;
    }

    @POST
    @Consumes({
        MediaType.APPLICATION_JSON,
        MediaType.TEXT_PLAIN,
        JAVASCRIPT,
        APPLICATION_JAVASCRIPT,
        ArchiveResource.NDJSON
    })
    @Operation(
            summary = "Import a history",
            description = "Imports the history another tracker kept, as the file it wrote: github-action-benchmark's "
                    + "data.js (`format=gab`, with or without its `window.BENCHMARK_DATA = ` assignment) or Bencher's "
                    + "perf export (`format=bencher`, the JSON of GET /v0/projects/{project}/perf). Each suite entry "
                    + "(gab) or report (Bencher) becomes one run of its commit, uploaded oldest first as any run is, "
                    + "with the idempotency key import-<format>-<suite or branch:testbed>-<commit>: importing the "
                    + "same file again replays every run and stores nothing. gab benchmarks are named "
                    + "`<suite>/<bench>` on the project's default branch; Bencher runs keep their branch. Needs an "
                    + "ingest token of the project. The whole file is read and every run checked before the first is "
                    + "stored: a malformed file is a 400 naming the place in it, and nothing is stored. "
                    + "`format=regtrack` imports a project's export (GET /export, JSON lines), or a part of one cut at "
                    + "line boundaries, as it was stored — runs with their comparisons, releases, settings, alerts "
                    + "with their triage — in one transaction; what is already there is left as it is, so an import "
                    + "repeated changes nothing. It needs an admin token.")
    @Parameter(
            name = "format",
            required = true,
            description = "The file's format",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"gab", "bencher", "regtrack"}))
    @RequestBody(
            required = true,
            description = "The file as the tool wrote it",
            content = {
                @Content(mediaType = JAVASCRIPT, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = APPLICATION_JAVASCRIPT, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = ArchiveResource.NDJSON, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "200",
            description = "Imported: runs stored and replayed, and what was left out",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The format is unknown, the file is malformed (the violation names the place in it), or "
                    + "a run breaks an upload's rules; nothing stored")
    @APIResponse(
            responseCode = "409",
            description = "A run's idempotency key was taken by a different upload; nothing stored")
    @APIResponse(responseCode = "401", description = "No token, or not a valid one; the body was not read")
    @APIResponse(
            responseCode = "403",
            description = "Not an ingest token of this project (an admin token for format=regtrack)")
    @APIResponse(responseCode = "413", description = "The body is over " + HttpLimits.MAX_MIB + " MiB")
    @APIResponse(responseCode = "415", description = "No Content-Type, or not one of those listed")
    public ImportView importHistory(@PathParam("slug") String slug, @QueryParam("format") String format, String file) {
        return service.importHistory(slug, format, file);
    }
}
