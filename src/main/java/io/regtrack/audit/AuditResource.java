package io.regtrack.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @Operation(
            summary = "The server's audit trail (admin of the server)",
            description = "Changes that belong to no project, such as admin tokens issued and revoked; newest first. "
                    + "`limit` (1–200, default 50), `before` (the `nextBefore` of the previous page), `action` "
                    + "(one action, e.g. `token.revoked`).")
    public AuditView.Page list(
            @QueryParam("action") String action,
            @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        return log.ofServer(AuditLog.Query.of(action, before, limit));
    }
}
