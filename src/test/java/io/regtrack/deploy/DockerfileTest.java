package io.regtrack.deploy;

import static io.regtrack.deploy.Manifests.DOCKERFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The image is built the Quarkus way: the fast-jar's four parts, a user that is not root (the same
 * one Kubernetes is told to run as), the HTTP port the manifests use, and never an embedded database.
 */
class DockerfileTest {

    static final List<String> FAST_JAR = List.of(
            "target/quarkus-app/lib/",
            "target/quarkus-app/*.jar",
            "target/quarkus-app/app/",
            "target/quarkus-app/quarkus/");

    @Test
    void theImageRunsTheFastJarAsAUserThatIsNotRoot() {
        Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);
        assertThat(dockerfile.all("FROM")).hasSize(1);
        assertThat(dockerfile.copySources()).containsExactlyElementsOf(FAST_JAR);
        assertThat(dockerfile.all("COPY")).allSatisfy(c -> assertThat(c).startsWith("--chown=185 "));

        List<String> users = dockerfile.all("USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1);
        assertThat(user).matches("[0-9]+").isNotEqualTo("0");
        JsonNode pod =
                Manifests.base("Deployment").path("spec").path("template").path("spec");
        assertThat(pod.path("securityContext").path("runAsUser").asText())
                .as("Kubernetes runs the image's user")
                .isEqualTo(user);

        assertThat(dockerfile.all("EXPOSE")).containsExactly("8080");
        assertThat(dockerfile.all("ENV"))
                .anySatisfy(e -> assertThat(e).isEqualTo("REGTRACK_EMBEDDED_DB_ENABLED=\"false\""));
        assertThat(dockerfile.all("ENTRYPOINT"))
                .singleElement()
                .satisfies(e -> assertThat(e).startsWith("["));
        assertThat(dockerfile.all("ENV"))
                .anySatisfy(e -> assertThat(e).isEqualTo("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""));
    }

    @Test
    void theBuildContextLetsThroughWhatTheImageCopiesAndNothingElse() throws Exception {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        assertThat(ignore).containsExactly("*", "!target/quarkus-app/*");
    }

    @Test
    void theParserReadsDockerSyntaxAndRefusesOtherText() {
        Dockerfile parsed = Dockerfile.parse("# comment\nFROM base:1\nCOPY --chown=1 a/ \\\n  b/ /x/\nuser 185\n");
        assertThat(parsed.all("USER")).containsExactly("185");
        assertThat(parsed.copySources()).containsExactly("a/", "b/");
        assertThatThrownBy(() -> Dockerfile.parse("FROM x\n--chown=1 a b\n"))
                .hasMessageContaining("not an instruction");
        assertThatThrownBy(() -> Dockerfile.parse("FROM x\nRUN a \\")).hasMessageContaining("continued");
    }
}
