package io.regtrack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The API calls the tests of packaged services make: as a client over HTTP/1.1 with a bearer token,
 * as the report step's curl and a load balancer's proxy talk to the service.
 */
public final class ServiceCalls {

    private ServiceCalls() {}

    /** Creates a project and answers an ingest token of it. */
    public static String projectWithIngestToken(ServiceProcess service, String admin, String slug) {
        HttpResponse<String> created = post(
                        service, admin, "/api/v1/projects", "{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\"}")
                .orElseThrow();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> token = post(
                        service,
                        admin,
                        "/api/v1/projects/" + slug + "/tokens",
                        "{\"name\":\"ci\",\"scope\":\"ingest\"}")
                .orElseThrow();
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        return token.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** A JSON POST; empty when no answer came (connection refused, reset or timed out). */
    public static Optional<HttpResponse<String>> post(ServiceProcess service, String token, String path, String body) {
        return service.send(HttpRequest.newBuilder(URI.create(service.url(path)))
                .timeout(Duration.ofSeconds(30))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public static HttpResponse<String> get(ServiceProcess service, String token, String path) {
        return service.send(HttpRequest.newBuilder(URI.create(service.url(path)))
                        .timeout(Duration.ofSeconds(30))
                        .version(HttpClient.Version.HTTP_1_1)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build())
                .orElseThrow(() -> new AssertionError("no answer to GET " + path));
    }

    /** The status of an answer, or 0 when none came. */
    public static int status(Optional<HttpResponse<String>> answer) {
        return answer.map(HttpResponse::statusCode).orElse(0);
    }
}
