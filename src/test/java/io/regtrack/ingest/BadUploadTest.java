package io.regtrack.ingest;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad upload gets a 400 problem naming the field, and stores nothing. */
@QuarkusTest
class BadUploadTest {

    private static final String C = sha(1);
    private static String slug;
    private static String ingest;

    @Inject
    DataSource db;

    @TestHTTPResource("/")
    URL server;

    private static String body(String fields, String measurements) {
        return "{" + fields + (fields.isEmpty() ? "" : ",") + "\"measurements\": [" + measurements + "]}";
    }

    private static String ok(String measurements) {
        return body("\"commit\": \"" + C + "\", \"branch\": \"main\"", measurements);
    }

    private static final String SIZE = "{\"kind\": \"size\", \"name\": \"app\", \"value\": 1000}";

    static Stream<Arguments> uploads() {
        String manySamples = IntStream.range(0, 10_001).mapToObj(i -> "0.5").collect(Collectors.joining(","));
        String manyMeasurements = IntStream.range(0, 5_001)
                .mapToObj(i -> "{\"kind\":\"size\",\"name\":\"b" + i + "\",\"value\":1}")
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of("missing commit", body("\"branch\": \"main\"", SIZE), "commit"),
                Arguments.of("missing branch", body("\"commit\": \"" + C + "\"", SIZE), "branch"),
                Arguments.of(
                        "missing measurements", "{\"commit\": \"" + C + "\", \"branch\": \"main\"}", "measurements"),
                Arguments.of("no measurements", ok(""), "measurements"),
                Arguments.of("short commit", body("\"commit\": \"9fceb02\", \"branch\": \"main\"", SIZE), "commit"),
                Arguments.of(
                        "non-hex commit",
                        body("\"commit\": \"" + "z".repeat(40) + "\", \"branch\": \"main\"", SIZE),
                        "commit"),
                Arguments.of(
                        "41-digit commit",
                        body("\"commit\": \"" + "a".repeat(41) + "\", \"branch\": \"main\"", SIZE),
                        "commit"),
                Arguments.of(
                        "bad parent",
                        body("\"commit\": \"" + C + "\", \"parentCommit\": \"HEAD~1\", \"branch\": \"main\"", SIZE),
                        "parentCommit"),
                Arguments.of("branch with ..", body("\"commit\": \"" + C + "\", \"branch\": \"a..b\"", SIZE), "branch"),
                Arguments.of(
                        "branch with space",
                        body("\"commit\": \"" + C + "\", \"branch\": \"my branch\"", SIZE),
                        "branch"),
                Arguments.of(
                        "branch with control",
                        body("\"commit\": \"" + C + "\", \"branch\": \"a\\u0007b\"", SIZE),
                        "branch"),
                Arguments.of(
                        "branch starting with -",
                        body("\"commit\": \"" + C + "\", \"branch\": \"-rf\"", SIZE),
                        "branch"),
                Arguments.of(
                        "branch ending .lock",
                        body("\"commit\": \"" + C + "\", \"branch\": \"main.lock\"", SIZE),
                        "branch"),
                Arguments.of("empty branch", body("\"commit\": \"" + C + "\", \"branch\": \"\"", SIZE), "branch"),
                Arguments.of(
                        "tag with colon",
                        body("\"commit\": \"" + C + "\", \"branch\": \"main\", \"tag\": \"v1:2\"", SIZE),
                        "tag"),
                Arguments.of("branch is a number", body("\"commit\": \"" + C + "\", \"branch\": 12", SIZE), "branch"),
                Arguments.of("commit is an object", body("\"commit\": {}, \"branch\": \"main\"", SIZE), "commit"),
                Arguments.of(
                        "pullRequest is text",
                        body("\"commit\": \"" + C + "\", \"branch\": \"main\", \"pullRequest\": \"42\"", SIZE),
                        "pullRequest"),
                Arguments.of(
                        "pullRequest is fractional",
                        body("\"commit\": \"" + C + "\", \"branch\": \"main\", \"pullRequest\": 4.5", SIZE),
                        "pullRequest"),
                Arguments.of(
                        "pullRequest overflows",
                        body("\"commit\": \"" + C + "\", \"branch\": \"main\", \"pullRequest\": 99999999999", SIZE),
                        "pullRequest"),
                Arguments.of(
                        "pullRequest negative",
                        body("\"commit\": \"" + C + "\", \"branch\": \"main\", \"pullRequest\": -1", SIZE),
                        "pullRequest"),
                Arguments.of(
                        "bad timestamp",
                        body("\"commit\": \"" + C + "\", \"branch\": \"main\", \"committedAt\": \"yesterday\"", SIZE),
                        "committedAt"),
                Arguments.of(
                        "far-future timestamp",
                        body(
                                "\"commit\": \"" + C
                                        + "\", \"branch\": \"main\", \"committedAt\": \"+99999-01-01T00:00:00Z\"",
                                SIZE),
                        "committedAt"),
                Arguments.of(
                        "measurements is an object",
                        body("\"commit\": \"" + C + "\", \"branch\": \"main\"", "")
                                .replace("[]", "{}"),
                        "measurements"),
                Arguments.of(
                        "value is text",
                        ok("{\"kind\": \"size\", \"name\": \"app\", \"value\": \"1000\"}"),
                        "measurements[0].value"),
                Arguments.of(
                        "negative value",
                        ok("{\"kind\": \"runtime\", \"name\": \"t\", \"value\": -0.5}"),
                        "measurements[0].value"),
                Arguments.of(
                        "infinite value",
                        ok("{\"kind\": \"runtime\", \"name\": \"t\", \"value\": 1e400}"),
                        "measurements[0].value"),
                Arguments.of(
                        "fractional size",
                        ok("{\"kind\": \"size\", \"name\": \"app\", \"value\": 1000.5}"),
                        "measurements[0].value"),
                Arguments.of(
                        "size in samples",
                        ok("{\"kind\": \"size\", \"name\": \"app\", \"samples\": [1000, 1000]}"),
                        "measurements[0].samples"),
                Arguments.of(
                        "size in kilobytes",
                        ok("{\"kind\": \"size\", \"name\": \"app\", \"unit\": \"KB\", \"value\": 10}"),
                        "measurements[0].unit"),
                Arguments.of(
                        "fractional part",
                        ok("{\"kind\": \"size\", \"name\": \"app\", \"value\": 10, \"parts\": {\".text\": 2.5}}"),
                        "measurements[0].parts..text"),
                Arguments.of(
                        "empty samples",
                        ok("{\"kind\": \"runtime\", \"name\": \"t\", \"samples\": []}"),
                        "measurements[0].samples"),
                Arguments.of(
                        "null sample",
                        ok("{\"kind\": \"runtime\", \"name\": \"t\", \"samples\": [0.1, null]}"),
                        "measurements[0].samples[1]"),
                Arguments.of(
                        "negative sample",
                        ok("{\"kind\": \"runtime\", \"name\": \"t\", \"samples\": [0.1, -0.2]}"),
                        "measurements[0].samples[1]"),
                Arguments.of(
                        "too many samples",
                        ok("{\"kind\": \"runtime\", \"name\": \"t\", \"samples\": [" + manySamples + "]}"),
                        "measurements[0].samples"),
                Arguments.of("too many measurements", ok(manyMeasurements), "measurements"),
                Arguments.of(
                        "value and samples",
                        ok("{\"kind\": \"runtime\", \"name\": \"t\", \"value\": 1, \"samples\": [1]}"),
                        "measurements[0]"),
                Arguments.of(
                        "neither value nor samples", ok("{\"kind\": \"runtime\", \"name\": \"t\"}"), "measurements[0]"),
                Arguments.of(
                        "long name",
                        ok("{\"kind\": \"size\", \"name\": \"" + "n".repeat(201) + "\", \"value\": 1}"),
                        "measurements[0].name"),
                Arguments.of(
                        "blank name",
                        ok("{\"kind\": \"size\", \"name\": \"  \", \"value\": 1}"),
                        "measurements[0].name"),
                Arguments.of(
                        "NUL in name",
                        ok("{\"kind\": \"size\", \"name\": \"a\\u0000b\", \"value\": 1}"),
                        "measurements[0].name"),
                Arguments.of(
                        "lone surrogate",
                        ok("{\"kind\": \"size\", \"name\": \"a\\ud800b\", \"value\": 1}"),
                        "measurements[0].name"),
                Arguments.of(
                        "bad kind", ok("{\"kind\": \"Size!\", \"name\": \"a\", \"value\": 1}"), "measurements[0].kind"),
                Arguments.of(
                        "custom kind without unit",
                        ok("{\"kind\": \"memory\", \"name\": \"a\", \"value\": 1}"),
                        "measurements[0].unit"),
                Arguments.of("duplicate measurement", ok(SIZE + "," + SIZE), "measurements[1]"),
                Arguments.of("null measurement", ok(SIZE + ",null"), "measurements[1]"),
                Arguments.of(
                        "NUL in env key",
                        body(
                                "\"commit\": \"" + C
                                        + "\", \"branch\": \"main\", \"profile\": {\"env\": {\"A\\u0000\": \"1\"}}",
                                SIZE),
                        "profile.env"),
                Arguments.of(
                        "setting is an object",
                        body(
                                "\"commit\": \"" + C
                                        + "\", \"branch\": \"main\", \"profile\": {\"settings\": {\"lto\": {\"x\": 1}}}",
                                SIZE),
                        "profile.settings.lto"),
                Arguments.of(
                        "bad profile name",
                        body(
                                "\"commit\": \"" + C
                                        + "\", \"branch\": \"main\", \"profile\": {\"name\": \"rel ease\"}",
                                SIZE),
                        "profile.name"));
    }

    private static synchronized String ingestToken() {
        if (slug == null) {
            slug = project("bad-input", false);
            ingest = token(slug, "ingest");
        }
        return ingest;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void isRefusedWithTheFieldNamed(String name, String body, String field) {
        as(ingestToken())
                .body(body)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("Exception")));
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedJsonIsA400(String name, String body) {
        as(ingestToken())
                .body(body)
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
        assertThat(Rows.runs(db, slug)).isZero();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("truncated", "{\"commit\": \"" + C + "\", \"bra"),
                Arguments.of("not JSON", "commit=abc"),
                Arguments.of("trailing garbage", ok(SIZE) + " {}"),
                Arguments.of(
                        "duplicate key",
                        "{\"commit\": \"" + C + "\", \"commit\": \"" + C
                                + "\", \"branch\": \"main\", \"measurements\": [" + SIZE + "]}"),
                Arguments.of("single quotes", "{'commit': 'x'}"),
                Arguments.of("NaN literal", ok("{\"kind\": \"runtime\", \"name\": \"t\", \"value\": NaN}")));
    }

    @Test
    void anEmptyBodyIsA400() {
        as(ingestToken())
                .body("")
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(ingestToken())
                .body("null")
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(ingestToken())
                .body("[]")
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void aBodyDeclaredOverFiveMebibytesIsA413Problem() throws Exception {
        ingestToken();
        String answer;
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            String head = "POST /api/v1/projects/" + slug + "/runs HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + ingest + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (5 * 1024 * 1024 + 1) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write("{\"commit\": \"".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer).contains("\"status\":413");
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        as(ingestToken())
                .contentType("text/plain")
                .body(ok(SIZE))
                .post("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        assertThat(Rows.runs(db, slug)).isZero();
    }
}
