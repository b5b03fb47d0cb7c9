package io.regtrack.token;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.anonymous;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Who may manage what: an admin token of the server manages everything; an admin token of a project
 * manages that project only; ingest and read tokens manage nothing. Every refusal is problem+json.
 */
@QuarkusTest
class TokenAccessTest {

    /** Each caller and the status it gets. */
    private static void expect(
            Map<RequestSpecification, Integer> callers, Function<RequestSpecification, Response> call) {
        callers.forEach((caller, status) -> {
            var answer = call.apply(caller).then().statusCode(status);
            if (status >= 400) {
                answer.contentType("application/problem+json").body("status", equalTo(status));
            }
        });
    }

    private static Map<RequestSpecification, Integer> projectCallers(String slug, int ok) {
        String other = project("access-other", false);
        Map<RequestSpecification, Integer> callers = new LinkedHashMap<>();
        callers.put(anonymous(), 401);
        callers.put(as(token(slug, "read")), 403);
        callers.put(as(token(slug, "ingest")), 403);
        callers.put(as(token(other, "admin")), 403);
        callers.put(as(token(slug, "admin")), ok);
        callers.put(admin(), ok);
        return callers;
    }

    private static Map<RequestSpecification, Integer> serverCallers(String slug, int ok) {
        Map<RequestSpecification, Integer> callers = new LinkedHashMap<>();
        callers.put(anonymous(), 401);
        callers.put(as(token(slug, "read")), 403);
        callers.put(as(token(slug, "ingest")), 403);
        callers.put(as(token(slug, "admin")), 403);
        callers.put(admin(), ok);
        return callers;
    }

    @Test
    void aProjectsTokensAreManagedByItsAdminsOnly() {
        String slug = project("access", false);
        String base = "/api/v1/projects/" + slug + "/tokens";
        expect(
                projectCallers(slug, 201),
                c -> c.body(Map.of("name", "ci", "scope", "read")).post(base));
        expect(projectCallers(slug, 200), c -> c.get(base));
        long id = admin().get(base).then().extract().jsonPath().getLong("[0].id");
        expect(projectCallers(slug, 204), c -> c.delete(base + "/" + id));
        expect(projectCallers(slug, 200), c -> c.get("/api/v1/projects/" + slug + "/audit"));
    }

    @Test
    void theServersAdminTokensAndAuditAreForItsAdminsOnly() {
        String slug = project("access-server", false);
        expect(serverCallers(slug, 201), c -> c.body(Map.of("name", "spare")).post("/api/v1/tokens"));
        expect(serverCallers(slug, 200), c -> c.get("/api/v1/tokens"));
        expect(serverCallers(slug, 200), c -> c.get("/api/v1/audit"));
        long spare = admin().body(Map.of("name", "to revoke"))
                .post("/api/v1/tokens")
                .then()
                .extract()
                .jsonPath()
                .getLong("id");
        expect(serverCallers(slug, 204), c -> c.delete("/api/v1/tokens/" + spare));
        // Creating projects is the server's business too.
        as(token(slug, "admin"))
                .body(Map.of("slug", slug + "-x", "name", "x"))
                .post("/api/v1/projects")
                .then()
                .statusCode(403);
    }

    @Test
    void aProjectAdminManagesItsProjectAndNoOther() {
        String slug = project("padmin", false);
        String other = project("padmin-other", false);
        String projectAdmin = token(slug, "admin");
        String path = "/api/v1/projects/";
        as(projectAdmin).get(path + slug).then().statusCode(200);
        as(projectAdmin)
                .body(Map.of("defaultBranch", "trunk"))
                .patch(path + slug)
                .then()
                .statusCode(200)
                .body("defaultBranch", equalTo("trunk"));
        as(projectAdmin)
                .body(Map.of("size", Map.of("percent", 2)))
                .put(path + slug + "/thresholds")
                .then()
                .statusCode(200);
        as(projectAdmin).get(path + slug + "/webhooks").then().statusCode(200);
        as(projectAdmin)
                .body(Map.of("name", "deputy", "scope", "admin"))
                .post(path + slug + "/tokens")
                .then()
                .statusCode(201)
                .body("scope", equalTo("admin"))
                .body("project", equalTo(slug));

        as(projectAdmin).get(path + other).then().statusCode(403);
        as(projectAdmin).get(path + other + "/webhooks").then().statusCode(403);
        as(projectAdmin).body(Map.of("name", "x")).patch(path + other).then().statusCode(403);
        as(projectAdmin)
                .body(Map.of("size", Map.of("percent", 2)))
                .put(path + other + "/thresholds")
                .then()
                .statusCode(403);
        String refused = as(projectAdmin)
                .get(path + other + "/tokens")
                .then()
                .statusCode(403)
                .extract()
                .path("detail");
        // A project that does not exist looks the same as another's.
        as(projectAdmin)
                .get(path + "no-such-project/tokens")
                .then()
                .statusCode(403)
                .body("detail", equalTo(refused))
                .body("detail", containsString("admin token of this project"));
        admin().get(path + "no-such-project/tokens").then().statusCode(404);
        // It lists its own project only.
        as(projectAdmin)
                .get(path)
                .then()
                .statusCode(200)
                .body("slug", hasItem(slug))
                .body("slug", not(hasItem(other)));
    }
}
