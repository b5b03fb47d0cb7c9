package io.regtrack.series;

import io.regtrack.problem.ProblemException;
import io.regtrack.web.QueryCheck;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}")
@Tag(name = "Series")
public class SeriesResource {

    private final SeriesService service;

    SeriesResource(SeriesService service) {
        this.service = service;
    }

    @GET
    @Path("/series")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(
            summary = "A series for a chart",
            description = "The points of one (kind, name) on a branch, oldest "
                    + "first, downsampled on the server to at most `maxPoints` (default 1,000) keeping every bucket's first, "
                    + "lowest, highest and last point, so steps and spikes stay visible. `format=csv` gives every kept point "
                    + "as CSV.")
    public Response series(
            @PathParam("slug") String slug,
            @QueryParam("kind") String kind,
            @QueryParam("name") String name,
            @Parameter(description = "Default: the project's default branch") @QueryParam("branch") String branch,
            @QueryParam("profile") String profile,
            @QueryParam("target") String target,
            @Parameter(description = "RFC 3339 time") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 time") @QueryParam("to") String to,
            @QueryParam("maxPoints") String maxPoints,
            @Parameter(description = "A part of a binary's size: a section (`.text`) or a crate (`crate:regex`)")
                    @QueryParam("part")
                    String part,
            @Parameter(description = "`json` (default) or `csv`") @QueryParam("format") String format) {
        SeriesView view = service.series(
                slug,
                new SeriesService.SeriesQuery(
                        QueryCheck.kind(kind),
                        QueryCheck.text("name", name),
                        branch,
                        QueryCheck.profile(profile),
                        QueryCheck.text("target", target),
                        time("from", from),
                        time("to", to),
                        integer("maxPoints", maxPoints),
                        QueryCheck.text("part", part)));
        if ("csv".equals(format)) {
            StringBuilder csv = new StringBuilder("run_id,commit,committed_at,value,unit\n");
            view.points()
                    .forEach(p -> csv.append(p.runId())
                            .append(',')
                            .append(p.commit())
                            .append(',')
                            .append(p.committedAt())
                            .append(',')
                            .append(p.value())
                            .append(',')
                            .append(view.unit())
                            .append('\n'));
            return Response.ok(csv.toString(), "text/csv")
                    .header("Content-Disposition", "attachment; filename=\"series.csv\"")
                    .build();
        }
        if (format != null && !"json".equals(format)) {
            throw ProblemException.invalid("format", "must be 'json' or 'csv'");
        }
        return Response.ok(view, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/series/index")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The series of a branch", description = "Each (kind, name, profile, target) with points.")
    public List<SeriesView.Entry> index(@PathParam("slug") String slug, @QueryParam("branch") String branch) {
        return service.index(slug, branch);
    }

    @GET
    @Path("/branches")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Branches with runs", description = "The default branch first, then by newest commit.")
    public List<Map<String, Object>> branches(@PathParam("slug") String slug) {
        return service.branches(slug);
    }

    static Instant time(String field, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an RFC 3339 time such as 2026-11-23T10:15:00Z");
        }
    }

    static Integer integer(String field, String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
    }
}
