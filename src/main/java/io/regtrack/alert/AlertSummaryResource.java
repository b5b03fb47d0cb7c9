package io.regtrack.alert;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/alert-summaries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertSummaryResource {

    private final TriageService triage;

    AlertSummaryResource(TriageService triage) {
        this.triage = triage;
    }

    @GET
    @Operation(
            summary = "Alerts grouped by culprit commit",
            description = "One summary per culprit commit (or per suspect range while a change is not located), "
                    + "newest first, from the newest 2,000 alerts. `direction` is any (default), regression or "
                    + "improvement.")
    public List<AlertSummaryView> summaries(
            @PathParam("slug") String slug,
            @Parameter(description = "open, acknowledged, dismissed or fixed") @QueryParam("status") String status,
            @Parameter(description = "any (default), regression or improvement") @QueryParam("direction")
                    String direction) {
        String only = direction == null ? null : AlertResource.direction(direction);
        return triage.summaries(slug, AlertResource.status(status), only);
    }
}
