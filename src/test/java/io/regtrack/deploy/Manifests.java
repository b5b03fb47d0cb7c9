package io.regtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.regtrack.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The files under deploy/, read as a person's tools would read them. */
final class Manifests {

    static final Path DEPLOY = Path.of("deploy");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path BASE = KUBERNETES.resolve("base");
    static final Path OVERLAY = KUBERNETES.resolve("overlays").resolve("example");
    static final Path COMPOSE = DEPLOY.resolve("compose");
    static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
    static final Path VALIDATOR = Path.of("src", "test", "resources", "deploy", "validate-models.mjs");

    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    /** One YAML document of a file. */
    record Doc(Path file, int index, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file + "#" + index;
        }
    }

    private Manifests() {}

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Doc> docs(Path file) {
        List<Doc> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isMissingNode() && !node.isNull()) {
                    docs.add(new Doc(file, docs.size(), node));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    static List<Doc> docs(Path dir, String kind) {
        return yamlFiles(dir).stream()
                .flatMap(f -> docs(f).stream())
                .filter(d -> d.kind().equals(kind))
                .toList();
    }

    /** The one object of this kind among the base's resources. */
    static JsonNode base(String kind) {
        List<Doc> found = kustomized(BASE).stream()
                .flatMap(f -> docs(f).stream())
                .filter(d -> d.kind().equals(kind))
                .toList();
        assertThat(found).as("one " + kind + " in the base").hasSize(1);
        return found.get(0).node();
    }

    static JsonNode kustomization(Path dir) {
        return docs(dir.resolve("kustomization.yaml")).get(0).node();
    }

    /** The files a kustomization lists as resources, following directories to their own. */
    static List<Path> kustomized(Path dir) {
        List<Path> files = new ArrayList<>();
        for (JsonNode resource : kustomization(dir).path("resources")) {
            Path target = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(target)) {
                files.addAll(kustomized(target));
            } else {
                files.add(target);
            }
        }
        return files;
    }

    static List<Path> patches(Path dir) {
        List<Path> files = new ArrayList<>();
        kustomization(dir)
                .path("patches")
                .forEach(p -> files.add(dir.resolve(p.path("path").asText())));
        return files;
    }

    /** One line of the validator's answer for one object. */
    record Verdict(String source, String kind, List<String> errors) {}

    /**
     * Validates objects with the Kubernetes and CloudNativePG models (see validate-models.mjs),
     * installed from package-lock.json.
     */
    static List<Verdict> validate(List<Doc> docs) throws Exception {
        Tools.require("node");
        NpmTools.install();
        ArrayNode input = JSON.createArrayNode();
        for (Doc doc : docs) {
            ObjectNode entry = input.addObject();
            entry.put("source", doc.toString());
            entry.set("object", doc.node());
        }
        Process node = new ProcessBuilder("node", VALIDATOR.toString()).start();
        node.getOutputStream().write(JSON.writeValueAsBytes(input));
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).as("the validator:\n" + err).isZero();
        List<Verdict> verdicts = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            JsonNode v = JSON.readTree(line);
            List<String> errors = new ArrayList<>();
            v.path("errors").forEach(e -> errors.add(e.asText()));
            verdicts.add(new Verdict(v.path("source").asText(), v.path("kind").asText(), errors));
        }
        assertThat(verdicts).hasSameSizeAs(docs);
        return verdicts;
    }
}
