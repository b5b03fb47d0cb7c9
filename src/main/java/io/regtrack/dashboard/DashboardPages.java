package io.regtrack.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard's pages. Each is a fixed shell (layout + the page's markup, from
 * {@code src/main/resources/dashboard-pages}); nothing from the request is written into it. The
 * page's script reads the project, run or commit from the address, fetches the data from the
 * JSON API with the browser session's token (if any) and writes it into the page as text.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    private static final List<String> ASSETS = List.of(
            "app.js",
            "charts.js",
            "projects.js",
            "project.js",
            "run.js",
            "alerts.js",
            "matrix.js",
            "compare.js",
            "settings.js",
            "dashboard.css");
    private static final String ASSETS_VERSION = assetsVersion();

    private final Map<String, String> pages = new ConcurrentHashMap<>();

    @GET
    @Operation(hidden = true)
    public String projects() {
        return page("projects");
    }

    @GET
    @Path("/projects/{slug}")
    @Operation(hidden = true)
    public String project() {
        return page("project");
    }

    @GET
    @Path("/projects/{slug}/runs/{id}")
    @Operation(hidden = true)
    public String run() {
        return page("run");
    }

    @GET
    @Path("/projects/{slug}/alerts")
    @Operation(hidden = true)
    public String alerts() {
        return page("alerts");
    }

    @GET
    @Path("/projects/{slug}/commits/{sha}/matrix")
    @Operation(hidden = true)
    public String matrix() {
        return page("matrix");
    }

    @GET
    @Path("/projects/{slug}/compare")
    @Operation(hidden = true)
    public String compare() {
        return page("compare");
    }

    @GET
    @Path("/projects/{slug}/settings")
    @Operation(hidden = true)
    public String settings() {
        return page("settings");
    }

    private String page(String name) {
        return pages.computeIfAbsent(
                name,
                n -> text("layout")
                        .replace("{{page}}", n)
                        .replace("{{version}}", ASSETS_VERSION)
                        .replace("{{body}}", text(n)));
    }

    /**
     * A digest of the dashboard's scripts and styles: their addresses change whenever they do, so a
     * browser may keep them for good and still never runs an old script with a new page.
     */
    private static String assetsVersion() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String asset : ASSETS) {
                try (InputStream in =
                        DashboardPages.class.getResourceAsStream("/META-INF/resources/dashboard/" + asset)) {
                    if (in == null) {
                        throw new IllegalStateException("Missing dashboard asset " + asset);
                    }
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String name) {
        try (InputStream in = DashboardPages.class.getResourceAsStream("/dashboard-pages/" + name + ".html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing dashboard page " + name, e);
        }
    }
}
