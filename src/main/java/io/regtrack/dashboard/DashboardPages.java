package io.regtrack.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard's pages. Each is a small shell: the data comes from the JSON API, fetched by the
 * page's script with the browser session's token (if any), and is written into the page as text.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance projects();

        static native TemplateInstance project(String slug);

        static native TemplateInstance run(String slug, long id);

        static native TemplateInstance alerts(String slug);

        static native TemplateInstance matrix(String slug, String sha);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance projects() {
        return Templates.projects();
    }

    @GET
    @Path("/projects/{slug}")
    @Operation(hidden = true)
    public TemplateInstance project(@PathParam("slug") String slug) {
        return Templates.project(slug);
    }

    @GET
    @Path("/projects/{slug}/runs/{id}")
    @Operation(hidden = true)
    public TemplateInstance run(@PathParam("slug") String slug, @PathParam("id") long id) {
        return Templates.run(slug, id);
    }

    @GET
    @Path("/projects/{slug}/alerts")
    @Operation(hidden = true)
    public TemplateInstance alerts(@PathParam("slug") String slug) {
        return Templates.alerts(slug);
    }

    @GET
    @Path("/projects/{slug}/commits/{sha}/matrix")
    @Operation(hidden = true)
    public TemplateInstance matrix(@PathParam("slug") String slug, @PathParam("sha") String sha) {
        return Templates.matrix(slug, sha);
    }
}
