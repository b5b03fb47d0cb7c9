package io.regtrack.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action and workflow file passes the action validator, as GitHub would read it; the GitLab example is YAML
 * that runs the same script with variables the script reads; the script's parts parse.
 */
class ActionFilesTest {

    static final Path ACTION = Path.of(".github", "actions", "report");
    static final Path GITLAB_EXAMPLE = Path.of("examples", "gitlab", ".gitlab-ci.yml");

    static Stream<Path> files() throws IOException {
        try (Stream<Path> github = Files.walk(Path.of(".github"));
                Stream<Path> examples = Files.walk(Path.of("examples", "github"))) {
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
        assertThat(parts())
                .extracting(p -> p.getFileName().toString())
                .contains("report.sh", "lib.sh", "context.sh", "collect.sh", "send.sh");
        for (Path part : parts()) {
            Process check = new ProcessBuilder("bash", "-n", part.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .as(part.toString())
                    .isEmpty();
            assertThat(check.waitFor()).isZero();
        }
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

    @Test
    void theGitLabExampleRunsTheScriptWithVariablesItReads() throws Exception {
        JsonNode ci = new YAMLMapper().readTree(GITLAB_EXAMPLE.toFile());
        JsonNode job = ci.get("regtrack");
        assertThat(job).as("a job named regtrack").isNotNull();
        assertThat(job.get("script").toString()).contains(".github/actions/report/report.sh");
        assertThat(ci.get("stages")).extracting(JsonNode::asText).containsExactly("bench", "report");
        assertThat(ci.get("bench").get("stage").asText()).isEqualTo("bench");
        assertThat(job.get("stage").asText()).isEqualTo("report");
        String scripts =
                String.join("\n", parts().stream().map(ActionFilesTest::read).toList());
        List<String> variables = new ArrayList<>();
        job.get("variables").fieldNames().forEachRemaining(variables::add);
        assertThat(variables).contains("REGTRACK_SERVER_URL", "REGTRACK_PROJECT", "REGTRACK_BUILD_COMMAND");
        assertThat(variables)
                .filteredOn(v -> v.startsWith("REGTRACK_"))
                .allSatisfy(v -> assertThat(Pattern.compile("\\$\\{" + v + "[^A-Za-z0-9_]")
                                .matcher(scripts)
                                .find())
                        .as("the script reads " + v)
                        .isTrue());
        assertThat(job.get("variables").get("REGTRACK_RESULTS").asText())
                .isEqualTo("hyperfine:startup.json\ncriterion:target/criterion\n");
        assertThat(ci.get("bench").get("artifacts").get("paths").toString())
                .contains("startup.json")
                .contains("target/criterion/**/new/*.json");
    }

    static List<Path> parts() throws IOException {
        try (Stream<Path> files = Files.list(ACTION)) {
            return files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
