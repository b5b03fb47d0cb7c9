package io.regtrack.deploy;

import static io.regtrack.deploy.Manifests.DOCKERFILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** After packaging: every part the image copies is in the fast-jar the build made, and it is whole. */
class DockerfileIT {

    @Test
    void everyCopiedPartExistsInThePackagedApplication() throws Exception {
        for (String source : Dockerfile.read(DOCKERFILE).copySources()) {
            Path path = Path.of(source);
            Path dir = path.getParent();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.getFileName());
            try (Stream<Path> entries = Files.list(dir)) {
                assertThat(entries.filter(p -> matcher.matches(p.getFileName())))
                        .as(source)
                        .isNotEmpty()
                        .allSatisfy(p -> assertThat(Files.isDirectory(p)).isEqualTo(source.endsWith("/")));
            }
        }
        Path app = Path.of("target", "quarkus-app");
        assertThat(app.resolve("quarkus-run.jar")).isRegularFile();
        assertThat(app.resolve("quarkus").resolve("quarkus-application.dat")).isRegularFile();
        try (Stream<Path> libs = Files.list(app.resolve("lib").resolve("main"))) {
            assertThat(libs.map(p -> p.getFileName().toString()))
                    .anySatisfy(n -> assertThat(n).startsWith("org.postgresql.postgresql-"));
        }
    }
}
