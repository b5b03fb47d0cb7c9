package io.regtrack.alert;

import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.web.InputCheck;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Alerts")
public class AlertResource {

    private final ProjectService projects;
    private final AlertRepository alerts;
    private final InputCheck input;

    AlertResource(ProjectService projects, AlertRepository alerts, InputCheck input) {
        this.projects = projects;
        this.alerts = alerts;
        this.input = input;
    }

    @GET
    @Transactional
    @Operation(
            summary = "List alerts",
            description = "Changes found in the tracked branches' series, newest first, at most 500. "
                    + "`direction` is regression (default), improvement or any.")
    public List<AlertView> list(
            @PathParam("slug") String slug,
            @Parameter(description = "open, acknowledged, dismissed or fixed") @QueryParam("status") String status,
            @Parameter(description = "regression (default), improvement or any") @QueryParam("direction")
                    String direction) {
        Project project = projects.readable(slug);
        return alerts.list(project.id, status(status), direction(direction), 500).stream()
                .map(AlertView::of)
                .toList();
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
    @Transactional
    @Operation(summary = "Triage an alert", description = "Needs an ingest token of the project.")
    public AlertView triage(@PathParam("slug") String slug, @PathParam("id") long id, AlertTriage body) {
        Project project = projects.ingestible(slug);
        AlertTriage triage = input.valid(body);
        Alert alert = alerts.findInProject(project.id, id)
                .orElseThrow(() -> ProblemException.notFound("No alert " + id + " in project '" + slug + "'"));
        alert.status = triage.status();
        if (triage.note() != null) {
            alert.note = triage.note();
        }
        alert.updatedAt = Instant.now();
        alerts.flush();
        return AlertView.of(alert);
    }
}
