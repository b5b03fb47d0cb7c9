package io.regtrack.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.regtrack.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bash script of the repository (the report step, CI, benchmarks) passes shellcheck. */
class ScriptLintTest {

    static List<Path> scripts() throws Exception {
        List<Path> scripts = new ArrayList<>(List.of(Path.of(".ci", "run")));
        for (String dir : List.of(".github", "bench", "deploy")) {
            if (Files.isDirectory(Path.of(dir))) {
                try (Stream<Path> files = Files.walk(Path.of(dir))) {
                    files.filter(p -> p.toString().endsWith(".sh")).sorted().forEach(scripts::add);
                }
            }
        }
        return scripts;
    }

    @Test
    void everyScriptPassesShellcheck() throws Exception {
        Tools.require("shellcheck");
        List<Path> scripts = scripts();
        Path action = Path.of(".github", "actions", "report");
        assertThat(scripts)
                .contains(
                        action.resolve("report.sh"),
                        action.resolve("lib.sh"),
                        action.resolve("context.sh"),
                        action.resolve("collect.sh"),
                        action.resolve("send.sh"));
        assertThat(shellcheck(scripts)).as("shellcheck").isEmpty();
    }

    @Test
    void shellcheckFindsMistakes(@TempDir Path tmp) throws Exception {
        Tools.require("shellcheck");
        Path bad = tmp.resolve("bad.sh");
        Files.writeString(bad, "#!/usr/bin/env bash\nfor f in $(ls *.txt); do echo $f; done\n");
        assertThat(shellcheck(List.of(bad))).contains("SC2045");
    }

    private static String shellcheck(List<Path> scripts) throws Exception {
        List<String> command = new ArrayList<>(List.of("shellcheck", "--format=gcc"));
        scripts.forEach(p -> command.add(p.toString()));
        Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return out.strip();
    }
}
