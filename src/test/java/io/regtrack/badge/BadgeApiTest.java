package io.regtrack.badge;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

@QuarkusTest
class BadgeApiTest {

    private static void upload(String slug, String ci, int n, String extra, long size) {
        as(ci).body("""
                {"commit": "%s", "branch": "main", %s "committedAt": "2026-01-%02dT00:00:00Z",
                 "measurements": [{"kind": "size", "name": "app", "value": %d}]}
                """.formatted(sha(n), extra, n, size))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(201);
    }

    /** The fill of the message's side: the rectangle that starts after the label. */
    private static String messageColour(Document badge) {
        org.w3c.dom.NodeList rects = badge.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            org.w3c.dom.Element rect = (org.w3c.dom.Element) rects.item(i);
            if (rect.hasAttribute("x")) {
                return rect.getAttribute("fill");
            }
        }
        throw new AssertionError("no message side in the badge");
    }

    /** A request as a browser's image element sends it. */
    private static io.restassured.specification.RequestSpecification image() {
        return given().accept("image/avif,image/webp,image/svg+xml,image/*,*/*;q=0.8");
    }

    private static Document svg(String path) throws Exception {
        String body = image().get(path)
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .header("Cache-Control", "public, max-age=300")
                .extract()
                .asString();
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSizeBadgeShowsTheNewestSizeColouredByItsVerdict() throws Exception {
        String slug = project("badge", true);
        String ci = token(slug, "ingest");
        upload(slug, ci, 1, "\"tag\": \"v1.0.0\",", 1_048_576);
        Document badge = svg("/api/v1/projects/" + slug + "/badges/size/app.svg");
        assertThat(badge.getDocumentElement().getAttribute("aria-label")).isEqualTo("app: 1.00 MiB");
        upload(slug, ci, 2, "", 1_300_000);
        badge = svg("/api/v1/projects/" + slug + "/badges/size/app.svg");
        assertThat(badge.getDocumentElement().getAttribute("aria-label")).isEqualTo("app: 1.24 MiB");
        assertThat(messageColour(badge))
                .as("red: the newest run regressed in size")
                .isEqualTo(Badge.RED);
        Document status = svg("/api/v1/projects/" + slug + "/badges/status.svg");
        assertThat(status.getDocumentElement().getAttribute("aria-label")).isEqualTo("regtrack: regressed");
        assertThat(svg("/api/v1/projects/" + slug + "/badges/size/nothing.svg")
                        .getDocumentElement()
                        .getAttribute("aria-label"))
                .isEqualTo("nothing: no runs");
    }

    @Test
    void aPrivateProjectsBadgeIsNotFoundEvenWithAToken() {
        String slug = project("secretbadge", false);
        String ci = token(slug, "ingest");
        upload(slug, ci, 1, "", 1000);
        image().get("/api/v1/projects/" + slug + "/badges/status.svg").then().statusCode(404);
        image().header("Authorization", "Bearer " + ci)
                .get("/api/v1/projects/" + slug + "/badges/size/app.svg")
                .then()
                .statusCode(404);
        image().get("/api/v1/projects/no-such/badges/status.svg").then().statusCode(404);
        // Other answers of the API are still never cached.
        given().get("/api/v1/projects/no-such/series/index").then().header("Cache-Control", "no-store");
    }

    @Test
    void textIsEscaped() throws Exception {
        String svg = new Badge("<a href=x>", "\"&'", Badge.GREY).svg();
        assertThat(svg).doesNotContain("<a href").contains("&lt;a href=x&gt;").contains("&quot;&amp;&#39;");
        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        image().get("/api/v1/projects/x/badges/size/" + "a".repeat(300) + ".svg")
                .then()
                .statusCode(400)
                .body(containsString("name"));
    }
}
