package io.regtrack.alert;

import io.regtrack.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Alerts")
public class AlertResource {

    private final TriageService triage;

    AlertResource(TriageService triage) {
        this.triage = triage;
    }

    @GET
    @Operation(
            summary = "List alerts",
            description = "Changes found in the tracked branches' series, newest first, at most 500. "
                    + "`direction` is regression (default), improvement or any.")
    public List<AlertView> list(
            @PathParam("slug") String slug,
            @Parameter(description = "open, acknowledged, dismissed or fixed") @QueryParam("status") String status,
            @Parameter(description = "regression (default), improvement or any") @QueryParam("direction")
                    String direction) {
        return triage.list(slug, status(status), direction(direction));
    }

    static String status(String status) {
        if (status != null && !AlertStatus.WIRE.contains(status)) {
            throw ProblemException.invalid("status", "must be one of " + AlertStatus.WIRE);
        }
        return status;
    }

    /** The direction to filter by, or null for any. */
    static String direction(String direction) {
        if (direction == null) {
            return Direction.REGRESSION.wire();
        }
        return switch (direction) {
            case "regression", "improvement" -> direction;
            case "any" -> null;
            default -> throw ProblemException.invalid("direction", "must be regression, improvement or any");
        };
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Triage an alert", description = "Needs an ingest token of the project.")
    public AlertView triage(@PathParam("slug") String slug, @PathParam("id") long id, AlertTriage body) {
        return triage.triage(slug, id, body);
    }
}
