package io.regtrack.comparison;

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

@Path("/api/v1/projects/{slug}/compare")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class CompareResource {

    private final ComparisonService comparisons;

    CompareResource(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GET
    @Operation(
            summary = "Compare any two runs",
            description = "`head` judged against `base`, each a run id, a release tag, a commit (or a unique "
                    + "prefix of 7 or more hex digits) or a branch (its newest run); for a commit, tag or branch "
                    + "`base` prefers a run of `head`'s target and profile. Every measurement side by side with its "
                    + "verdict, the largest relative change first, and the profile, toolchain and runner differences.")
    public Comparison compare(
            @PathParam("slug") String slug,
            @Parameter(description = "Run id, release tag, commit or branch") @QueryParam("base") String base,
            @Parameter(description = "Run id, release tag, commit or branch") @QueryParam("head") String head,
            @Parameter(description = "Only this kind") @QueryParam("kind") String kind,
            @Parameter(description = "Only names containing this text (any case)") @QueryParam("name") String name) {
        return comparisons.compareRefs(slug, base, head, QueryCheck.kind(kind), QueryCheck.text("name", name));
    }
}
