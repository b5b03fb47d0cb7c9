package io.regtrack.badge;

import io.regtrack.web.QueryCheck;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/badges")
@Tag(name = "Badges")
public class BadgeResource {

    static final String SVG = "image/svg+xml";

    private final BadgeService service;

    BadgeResource(BadgeService service) {
        this.service = service;
    }

    @GET
    @Path("/size/{name}.svg")
    @Produces(SVG)
    @Operation(
            summary = "A badge of a binary's newest size",
            description = "The newest size of the binary on the branch in human units, red when that run's verdict "
                    + "for it regressed, green when it improved, blue when unchanged. Public projects only: a private "
                    + "project's badge is a 404.")
    public Response size(
            @PathParam("slug") String slug,
            @PathParam("name") String name,
            @Parameter(description = "Default: the project's default branch") @QueryParam("branch") String branch,
            @QueryParam("profile") String profile) {
        return svg(service.size(slug, QueryCheck.text("name", name), branch, QueryCheck.profile(profile)));
    }

    @GET
    @Path("/status.svg")
    @Produces(SVG)
    @Operation(
            summary = "A badge of the newest run's status",
            description = "regressed, improved, unchanged or no-baseline, for the newest run on the branch. Public "
                    + "projects only.")
    public Response status(
            @PathParam("slug") String slug,
            @Parameter(description = "Default: the project's default branch") @QueryParam("branch") String branch) {
        return svg(service.status(slug, branch));
    }

    /** Caches may keep a badge five minutes (application.properties says so for every badge). */
    private static Response svg(Badge badge) {
        return Response.ok(badge.svg(), SVG).build();
    }
}
