package io.regtrack.project;

import io.regtrack.audit.AuditView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class ProjectAuditResource {

    private final ProjectAudit audit;

    ProjectAuditResource(ProjectAudit audit) {
        this.audit = audit;
    }

    @GET
    @Operation(
            summary = "Who changed what in the project, when (admin)",
            description = "Newest first: tokens issued and revoked, the project and its thresholds changed, releases "
                    + "marked and pinned, alerts triaged, webhooks added and removed; each by the token's name and id "
                    + "or the GitHub Actions job's repository and ref. `limit` (1–200, default 50), `before` (the "
                    + "`nextBefore` of the previous page), `action` (one action, e.g. `alert.triaged`).")
    public AuditView.Page list(
            @PathParam("slug") String slug,
            @QueryParam("action") String action,
            @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        return audit.page(slug, action, before, limit);
    }
}
