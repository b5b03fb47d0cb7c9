package io.regtrack.webhook;

import io.regtrack.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{slug}/webhooks")
@Tag(name = "Webhooks")
public class WebhookResource {

    private final WebhookService service;

    WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a webhook (admin)",
            description = "News of the project is posted to `url` as JSON, after the change that made it is committed, "
                    + "retried with back-off until answered 2xx, each delivery with an `X-Regtrack-Delivery` id to drop "
                    + "repeats and, with a `secret`, `X-Regtrack-Signature-256: sha256=<HMAC-SHA256 of the body>`. "
                    + "Loopback, private and link-local addresses are refused unless the operator allows them.")
    public Response create(@PathParam("slug") String slug, NewWebhook body) {
        return Response.status(Response.Status.CREATED)
                .entity(service.create(slug, body))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The project's webhooks (admin); never their secrets")
    public List<WebhookView> list(@PathParam("slug") String slug) {
        return service.list(slug);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a webhook (admin) and its deliveries not yet sent")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        service.delete(slug, id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A webhook's deliveries, newest first (admin), with the receiver's answers")
    public List<WebhookView.Delivery> deliveries(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        try {
            return service.deliveries(slug, id, Integer.parseInt(limit.trim()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("limit", "must be a whole number");
        }
    }
}
