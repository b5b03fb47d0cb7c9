package io.regtrack.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.regtrack.testing.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action and workflow file passes the action validator, as GitHub would read it. */
class ActionFilesTest {

    static Stream<Path> files() throws IOException {
        try (Stream<Path> github = Files.walk(Path.of(".github"));
                Stream<Path> examples = Files.walk(Path.of("examples"))) {
            return Stream.concat(github.toList().stream(), examples.toList().stream())
                    .filter(p -> p.toString().endsWith(".yml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void isValid(Path file) throws Exception {
        Tools.require("npx");
        Process validator = new ProcessBuilder("npx", "--yes", "@action-validator/cli", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(validator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(validator.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(validator.exitValue()).as(file + ":\n" + out).isZero();
    }

    @Test
    void theValidatorCatchesMistakes(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Tools.require("npx");
        Path bad = tmp.resolve("bad.yml");
        Files.writeString(
                bad,
                "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
                        + "      - uses: actions/checkout@v4\n        bogus: 1\n");
        Process validator = new ProcessBuilder("npx", "--yes", "@action-validator/cli", bad.toString())
                .redirectErrorStream(true)
                .start();
        validator.getInputStream().readAllBytes();
        assertThat(validator.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(validator.exitValue()).isNotZero();
    }

    @Test
    void theScriptIsExecutableAndHasNoSyntaxErrors() throws Exception {
        Tools.require("bash");
        assertThat(Files.isExecutable(ReportStep.SCRIPT)).isTrue();
        Process check = new ProcessBuilder("bash", "-n", ReportStep.SCRIPT.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(check.waitFor()).isZero();
        assertThat(files())
                .extracting(Path::toString)
                .contains(
                        Path.of(".github/actions/report/action.yml").toString(),
                        Path.of(".github/workflows/ci.yml").toString());
        assertThat(List.of(
                        "regtrack.yml",
                        "regtrack-release.yml",
                        "regtrack-profiles.yml",
                        "regtrack-fork-collect.yml",
                        "regtrack-fork-report.yml"))
                .allMatch(f -> Files.exists(Path.of("examples/github", f)));
    }
}
