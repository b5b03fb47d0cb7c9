package io.regtrack.series;

import io.regtrack.web.QueryCheck;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}")
@Tag(name = "Series")
public class ChartsResource {

    private final ChartsService service;
    private final CompositionService composition;

    ChartsResource(ChartsService service, CompositionService composition) {
        this.service = service;
        this.composition = composition;
    }

    @GET
    @Path("/charts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A page of charts",
            description = "The series of a branch in the order of `/series/index`, `limit` of them from `offset`, each "
                    + "downsampled like `/series` to at most `maxPoints`. The runs drawn, the releases and the changes of "
                    + "build profile or toolchain are listed once for all the charts, which refer to them by place.")
    public ChartsView charts(
            @PathParam("slug") String slug,
            @Parameter(description = "Default: the project's default branch") @QueryParam("branch") String branch,
            @Parameter(description = "RFC 3339 time") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 time") @QueryParam("to") String to,
            @Parameter(description = "Points per chart, 4 to 20,000 (default 1,000)") @QueryParam("maxPoints")
                    String maxPoints,
            @Parameter(description = "The first series, counted from 0 (default 0)") @QueryParam("offset")
                    String offset,
            @Parameter(description = "How many series, 1 to 500 (default 100)") @QueryParam("limit") String limit) {
        return service.charts(
                slug,
                new ChartsService.ChartsQuery(
                        branch,
                        SeriesResource.time("from", from),
                        SeriesResource.time("to", to),
                        SeriesResource.integer("maxPoints", maxPoints),
                        SeriesResource.integer("offset", offset),
                        SeriesResource.integer("limit", limit)));
    }

    @GET
    @Path("/composition")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What a binary is made of, over time",
            description =
                    "The sections and crates of one binary (a size series that records `parts`) at each run drawn, "
                            + "the largest eight of each at the newest run and the rest summed, downsampled like `/series` on the "
                            + "binary's whole size.")
    public CompositionView composition(
            @PathParam("slug") String slug,
            @QueryParam("name") String name,
            @Parameter(description = "Default: the project's default branch") @QueryParam("branch") String branch,
            @QueryParam("profile") String profile,
            @QueryParam("target") String target,
            @Parameter(description = "RFC 3339 time") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339 time") @QueryParam("to") String to,
            @QueryParam("maxPoints") String maxPoints) {
        return composition.composition(
                slug,
                new SeriesService.SeriesQuery(
                        "size",
                        QueryCheck.text("name", name),
                        branch,
                        QueryCheck.profile(profile),
                        QueryCheck.text("target", target),
                        SeriesResource.time("from", from),
                        SeriesResource.time("to", to),
                        SeriesResource.integer("maxPoints", maxPoints),
                        null));
    }
}
