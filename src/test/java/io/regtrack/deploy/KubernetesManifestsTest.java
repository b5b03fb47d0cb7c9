package io.regtrack.deploy;

import static io.regtrack.deploy.Manifests.BASE;
import static io.regtrack.deploy.Manifests.KUBERNETES;
import static io.regtrack.deploy.Manifests.OVERLAY;
import static io.regtrack.deploy.Manifests.base;
import static io.regtrack.deploy.Manifests.docs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.regtrack.deploy.Manifests.Doc;
import io.regtrack.deploy.Manifests.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes manifests are what the API server and the CloudNativePG operator accept: every
 * object is checked against the Kubernetes schemas and the CloudNativePG CRDs' schemas (field
 * names, types, enums, required fields), and the kustomizations name files that exist.
 */
class KubernetesManifestsTest {

    @Test
    void everyYamlFileParsesAndNamesItsKind() {
        List<Path> files = Manifests.yamlFiles(Manifests.DEPLOY);
        assertThat(files).contains(BASE.resolve("deployment.yaml"), OVERLAY.resolve("kustomization.yaml"));
        for (Path file : files) {
            List<Doc> docs = docs(file);
            assertThat(docs).as(file.toString()).isNotEmpty();
            if (file.startsWith(KUBERNETES)) {
                assertThat(docs)
                        .allSatisfy(d -> assertThat(d.node().path("apiVersion").asText())
                                .as(d + " apiVersion")
                                .isNotBlank());
                assertThat(docs)
                        .allSatisfy(d -> assertThat(d.kind()).as(d + " kind").isNotBlank());
            }
        }
    }

    @Test
    void everyObjectMatchesItsSchema() throws Exception {
        List<Doc> resources = new ArrayList<>();
        for (Path dir : List.of(OVERLAY)) {
            Manifests.kustomized(dir).forEach(f -> resources.addAll(docs(f)));
        }
        assertThat(resources)
                .extracting(Doc::kind)
                .contains(
                        "Namespace",
                        "Deployment",
                        "Service",
                        "Ingress",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler",
                        "Cluster",
                        "Pooler",
                        "ScheduledBackup",
                        "ObjectStore");
        assertThat(Manifests.validate(resources))
                .allSatisfy(v -> assertThat(v.errors()).as(v.source()).isEmpty());

        // A patch is a part of an object: every field it has must be right, required ones may be absent.
        List<Doc> patches = Manifests.patches(OVERLAY).stream()
                .flatMap(f -> docs(f).stream())
                .toList();
        assertThat(patches).isNotEmpty();
        assertThat(Manifests.validate(patches))
                .allSatisfy(v ->
                        assertThat(v.errors()).as(v.source()).allMatch(e -> e.contains("must have required property")));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake(
                        "a misspelled probe field",
                        "deployment.yaml",
                        d -> probe(d).set("paht", probe(d).remove("path")),
                        "readinessProbe/httpGet/paht is not a known field"),
                mistake(
                        "a port given as text",
                        "deployment.yaml",
                        d -> ((ObjectNode) container(d).path("ports").get(0)).put("containerPort", "8080"),
                        "containerPort must be integer"),
                mistake(
                        "a field at the wrong level",
                        "service.yaml",
                        d -> ((ObjectNode) d).put("selector", "app"),
                        "/selector is not a known field"),
                mistake(
                        "an HPA metric of an unknown shape",
                        "horizontalpodautoscaler.yaml",
                        d -> ((ObjectNode) d.path("spec")
                                        .path("metrics")
                                        .get(0)
                                        .path("resource")
                                        .path("target"))
                                .put("averageUtilization", "70%"),
                        "averageUtilization must be integer"),
                mistake(
                        "a misspelled pooler mode field",
                        "postgres-pooler.yaml",
                        d -> ((ObjectNode) d.path("spec").path("pgbouncer")).put("poolmode", "session"),
                        "pgbouncer/poolmode is not a known field"),
                mistake(
                        "a pool mode PgBouncer does not have",
                        "postgres-pooler.yaml",
                        d -> ((ObjectNode) d.path("spec").path("pgbouncer")).put("poolMode", "transactions"),
                        "poolMode must be equal to one of the allowed values"),
                mistake(
                        "instances given as text",
                        "postgres-cluster.yaml",
                        d -> ((ObjectNode) d.path("spec")).put("instances", "3"),
                        "/spec/instances must be integer"),
                mistake(
                        "a scheduled backup without its cluster",
                        "postgres-scheduledbackup.yaml",
                        d -> ((ObjectNode) d.path("spec")).remove("cluster"),
                        "/spec must have required property cluster"),
                mistake(
                        "a misspelled object store field",
                        "postgres-objectstore.yaml",
                        d -> ((ObjectNode) d.path("spec").path("configuration").path("wal")).put("compresion", "gzip"),
                        "wal/compresion is not a known field"));
    }

    private static Arguments mistake(String what, String file, Consumer<JsonNode> change, String expected) {
        return Arguments.of(what, file, change, expected);
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    private static ObjectNode probe(JsonNode deployment) {
        return (ObjectNode) container(deployment).path("readinessProbe").path("httpGet");
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("mistakes")
    void theValidatorRefusesMistakes(String what, String file, Consumer<JsonNode> change, String expected)
            throws Exception {
        Doc good = docs(BASE.resolve(file)).get(0);
        JsonNode bad = good.node().deepCopy();
        change.accept(bad);
        List<Verdict> verdicts = Manifests.validate(List.of(good, new Doc(good.file(), 1, bad)));
        assertThat(verdicts.get(0).errors()).as("the file as it is").isEmpty();
        assertThat(verdicts.get(1).errors())
                .as(what)
                .anySatisfy(e -> assertThat(e).contains(expected));
    }

    @Test
    void kustomizationsListEveryManifestAndOnlyFilesThatExist() throws Exception {
        List<Path> listed = Manifests.kustomized(BASE);
        assertThat(listed).allSatisfy(p -> assertThat(p).exists());
        List<Path> manifests;
        try (Stream<Path> files = Files.list(BASE)) {
            manifests = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::normalize)
                    .toList();
        }
        assertThat(listed).as("the base lists each of its manifests").containsExactlyInAnyOrderElementsOf(manifests);

        assertThat(Manifests.kustomized(OVERLAY)).containsAll(listed);
        // Each patch changes an object that the base has (same kind and name).
        for (Path patch : Manifests.patches(OVERLAY)) {
            Doc p = docs(patch).get(0);
            assertThat(base(p.kind()).path("metadata").path("name").asText())
                    .as(patch + " patches the base's " + p.kind())
                    .isEqualTo(p.name());
        }
        // The image the overlay renames is the one the Deployment runs.
        String image = base("Deployment")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("image")
                .asText();
        for (Path dir : List.of(BASE, OVERLAY)) {
            assertThat(Manifests.kustomization(dir).path("images"))
                    .extracting(i -> i.path("name").asText())
                    .as(dir + " images")
                    .containsExactly(image);
        }
    }
}
