package io.regtrack.deploy;

import static io.regtrack.deploy.Manifests.base;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What the manifests ask of the service, asked of a running instance: the probe and metrics paths
 * answer, the ports line up with the service's HTTP port, the ingress lets the largest upload
 * through, and the pod is given time to finish its uploads when it stops.
 */
@QuarkusTest
class DeployedServiceTest {

    static JsonNode container() {
        return base("Deployment")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    @Test
    void everyProbeAsksAHealthEndpointThatAnswersUp() {
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode get = container().path(probe).path("httpGet");
            String path = get.path("path").asText();
            assertThat(path).as(probe).startsWith("/q/health/");
            Response answer = given().get(path);
            assertThat(answer.statusCode()).as(probe + " " + path).isEqualTo(200);
            assertThat(answer.jsonPath().getString("status"))
                    .as(probe + " " + path)
                    .isEqualTo("UP");
            assertThat(get.path("port").asText()).as(probe + " port").isEqualTo("http");
        }
        JsonNode ready = container().path("readinessProbe");
        assertThat(ready.path("timeoutSeconds").asInt())
                .as("longer than the readiness check's own 3 s limit")
                .isGreaterThan(3);
    }

    @Test
    void theScrapedPathServesPrometheusMetrics() {
        JsonNode annotations = base("Deployment")
                .path("spec")
                .path("template")
                .path("metadata")
                .path("annotations");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(httpPort());
        Response metrics = given().get(annotations.path("prometheus.io/path").asText());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.asString()).contains("# TYPE", "jvm_memory_used_bytes", "agroal_");
    }

    @Test
    void portsLineUpFromTheIngressToTheServer() {
        JsonNode port = container().path("ports").get(0);
        assertThat(port.path("containerPort").asText())
                .as("the server's HTTP port")
                .isEqualTo(httpPort());
        assertThat(Dockerfile.read(Manifests.DOCKERFILE).all("EXPOSE")).containsExactly(httpPort());
        JsonNode service = base("Service").path("spec").path("ports").get(0);
        assertThat(service.path("targetPort").asText())
                .isEqualTo(port.path("name").asText());
        JsonNode backend = base("Ingress")
                .path("spec")
                .path("rules")
                .get(0)
                .path("http")
                .path("paths")
                .get(0)
                .path("backend")
                .path("service");
        assertThat(backend.path("name").asText())
                .isEqualTo(base("Service").path("metadata").path("name").asText());
        assertThat(backend.path("port").path("name").asText())
                .isEqualTo(service.path("name").asText());
    }

    @Test
    void theIngressLetsTheLargestUploadThrough() {
        String limit = base("Ingress")
                .path("metadata")
                .path("annotations")
                .path("nginx.ingress.kubernetes.io/proxy-body-size")
                .asText();
        assertThat(limit).matches("[0-9]+m");
        String server = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", String.class);
        assertThat(server).matches("[0-9]+M");
        assertThat(Integer.parseInt(limit.replace("m", "")))
                .isGreaterThanOrEqualTo(Integer.parseInt(server.replace("M", "")));
    }

    @Test
    void aStoppingPodHasTimeToFinishItsUploads() {
        Duration shutdown = ConfigProvider.getConfig().getValue("quarkus.shutdown.timeout", Duration.class);
        assertThat(shutdown).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        JsonNode pod = base("Deployment").path("spec").path("template").path("spec");
        List<String> preStop = Manifests.JSON.convertValue(
                container().path("lifecycle").path("preStop").path("exec").path("command"),
                Manifests.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(preStop).hasSize(2).startsWith("sleep");
        long grace = pod.path("terminationGracePeriodSeconds").asLong();
        assertThat(Duration.ofSeconds(grace)).isGreaterThan(shutdown.plusSeconds(Long.parseLong(preStop.get(1))));
    }

    /**
     * The port the packaged service listens on: application.properties' quarkus.http.port, else
     * Quarkus' default 8080 (under test the running instance listens on a test port instead).
     */
    private static String httpPort() {
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("quarkus.http.port", "8080");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
