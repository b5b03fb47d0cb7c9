package io.regtrack.token;

import static io.regtrack.testing.ServiceCalls.get;
import static io.regtrack.testing.ServiceCalls.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.testing.ExternalPostgres;
import io.regtrack.testing.ServiceProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service on one PostgreSQL: a token revoked through one is refused by
 * the other on the very next request, and the server's admin token is replaced through both with no
 * moment without a working one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenRevocationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path homes;

    private ExternalPostgres postgres;
    private ServiceProcess a;
    private ServiceProcess b;

    @BeforeAll
    void twoInstancesOnOneDatabase() throws Exception {
        postgres = ExternalPostgres.start();
        String[] options = postgres.serviceOptions(postgres.create("tokens")).toArray(String[]::new);
        a = new ServiceProcess(Files.createDirectories(homes.resolve("a")), options).start();
        b = new ServiceProcess(Files.createDirectories(homes.resolve("b")), options).start();
    }

    @AfterAll
    void stop() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {a, b}) {
            if (service != null) {
                service.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static HttpResponse<String> delete(ServiceProcess service, String token, String path) {
        return service.send(HttpRequest.newBuilder(URI.create(service.url(path)))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .DELETE()
                        .build())
                .orElseThrow();
    }

    private static JsonNode created(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body());
    }

    @Test
    @Order(1)
    void aTokenRevokedThroughOneInstanceIsRefusedByTheOtherAtOnce() throws Exception {
        String admin = a.adminToken();
        created(post(a, admin, "/api/v1/projects", "{\"slug\":\"revoked\",\"name\":\"revoked\"}")
                .orElseThrow());
        JsonNode reader =
                created(post(a, admin, "/api/v1/projects/revoked/tokens", "{\"name\":\"laptop\",\"scope\":\"read\"}")
                        .orElseThrow());
        String text = reader.get("token").asText();
        for (int i = 0; i < 3; i++) { // the other instance has just accepted it
            assertThat(get(b, text, "/api/v1/projects/revoked").statusCode()).isEqualTo(200);
        }
        assertThat(delete(
                                a,
                                admin,
                                "/api/v1/projects/revoked/tokens/"
                                        + reader.get("id").asLong())
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> refused = get(b, text, "/api/v1/projects/revoked");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains("revoked at").doesNotContain(text);
    }

    @Test
    @Order(2) // revokes the first admin token
    void theAdminTokenIsReplacedThroughBothInstancesAndTheLastOneIsKept() throws Exception {
        String first = a.adminToken();
        JsonNode second = created(
                post(a, first, "/api/v1/tokens", "{\"name\":\"ops next\"}").orElseThrow());
        String next = second.get("token").asText();
        JsonNode listed = JSON.readTree(get(b, next, "/api/v1/tokens").body());
        long firstId = -1;
        for (JsonNode t : listed) {
            assertThat(t.has("token")).isFalse();
            if (t.get("name").asText().equals("first admin")) {
                firstId = t.get("id").asLong();
            }
        }
        assertThat(get(a, first, "/api/v1/tokens").statusCode()).isEqualTo(200);
        assertThat(delete(b, next, "/api/v1/tokens/" + firstId).statusCode()).isEqualTo(204);
        HttpResponse<String> old = get(a, first, "/api/v1/projects");
        assertThat(old.statusCode()).as(old.body()).isEqualTo(401);
        assertThat(old.body()).contains("revoked at");
        assertThat(get(a, next, "/api/v1/projects").statusCode()).isEqualTo(200);
        HttpResponse<String> last =
                delete(a, next, "/api/v1/tokens/" + second.get("id").asLong());
        assertThat(last.statusCode()).as(last.body()).isEqualTo(409);
        assertThat(last.body()).contains("last admin token");
        assertThat(get(b, next, "/api/v1/tokens").statusCode()).isEqualTo(200);
    }
}
