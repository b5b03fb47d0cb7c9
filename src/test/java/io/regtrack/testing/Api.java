package io.regtrack.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Small helpers for API tests: an admin, projects, tokens and run bodies. */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token-for-the-test-suite-only";

    private Api() {}

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification admin() {
        return as(ADMIN_TOKEN);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A new project with a unique slug starting with {@code prefix}. */
    public static String project(String prefix, boolean isPublic) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("slug", slug, "name", prefix, "public", isPublic))
                .post("/api/v1/projects")
                .then()
                .statusCode(201);
        return slug;
    }

    public static String token(String slug, String scope) {
        return admin().body(Map.of("name", "test " + scope, "scope", scope))
                .post("/api/v1/projects/" + slug + "/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    public static String sha(int n) {
        return String.format("%040x", n);
    }

    /** A JSON run body for commit number {@code n} with one size and one runtime measurement. */
    public static String run(int n, String branch, String extra) {
        return """
                {"commit": "%s", "branch": "%s", "committedAt": "2026-11-%02dT10:00:00Z",%s
                 "toolchain": {"rustc": "1.95.0", "target": "x86_64-unknown-linux-gnu"},
                 "profile": {"name": "release", "settings": {"lto": "fat", "codegen-units": 1}},
                 "measurements": [
                   {"kind": "size", "name": "myapp", "unit": "bytes", "value": %d},
                   {"kind": "runtime", "name": "startup", "samples": [0.00081, 0.00079, 0.00083]}]}
                """.formatted(sha(n), branch, 1 + n % 28, extra == null ? "" : " " + extra + ",", 300000 + n);
    }
}
