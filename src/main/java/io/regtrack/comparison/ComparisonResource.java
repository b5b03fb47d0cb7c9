package io.regtrack.comparison;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/runs/{id}/comparison")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class ComparisonResource {

    private final ComparisonService comparisons;

    ComparisonResource(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GET
    @Operation(
            summary = "Compare a run",
            description = "The same comparison an upload answers, computed now against "
                    + "the release baseline (default), the run of the parent commit, or any other run of the project.")
    public Comparison compare(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @Parameter(description = "`release`, `parent` or a run id") @QueryParam("against") @DefaultValue("release")
                    String against) {
        return comparisons.compare(slug, id, against);
    }
}
