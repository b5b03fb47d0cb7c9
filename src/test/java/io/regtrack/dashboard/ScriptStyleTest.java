package io.regtrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.regtrack.testing.Tools;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's scripts pass ESLint and are formatted as Prettier writes them, with the versions
 * that package-lock.json pins ({@code npm run lint}, {@code npm run format:check} by hand).
 */
class ScriptStyleTest {

    static final Path DASHBOARD = Path.of("src", "main", "resources", "META-INF", "resources", "dashboard");

    record Result(int exit, String out) {}

    static List<String> scripts() throws Exception {
        try (Stream<Path> files = Files.list(DASHBOARD)) {
            return files.map(Path::toString)
                    .filter(p -> p.endsWith(".js"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyScriptPassesEslint() throws Exception {
        List<String> scripts = scripts();
        assertThat(scripts).contains(DASHBOARD.resolve("app.js").toString());
        Result lint = npx(null, Stream.concat(Stream.of("eslint", "--max-warnings=0"), scripts.stream()));
        assertThat(lint.exit()).as("eslint:\n" + lint.out()).isZero();
    }

    @Test
    void everyScriptIsFormatted() throws Exception {
        Result check = npx(null, Stream.concat(Stream.of("prettier", "--check"), scripts().stream()));
        assertThat(check.exit())
                .as("prettier (npx prettier --write fixes it):\n" + check.out())
                .isZero();
    }

    @Test
    void eslintFindsMistakes() throws Exception {
        // Linted as if it were a dashboard script, so with the dashboard's globals and rules.
        String bad = "'use strict';\nconst chart = new uPlot({}, [], document.body);\nRegtrack.nav(slugg);\n";
        String name = DASHBOARD.resolve("bad.js").toString();
        Result lint = npx(bad, Stream.of("eslint", "--stdin", "--stdin-filename=" + name));
        assertThat(lint.exit()).as(lint.out()).isEqualTo(1);
        assertThat(lint.out())
                .contains("'slugg' is not defined", "'chart' is assigned a value but never used")
                .doesNotContain("'uPlot'", "'Regtrack'");
    }

    /** Installs the pinned tools from package-lock.json when they are missing or older than it. */
    private static synchronized void install() throws Exception {
        Tools.require("npm");
        FileTime locked = Files.getLastModifiedTime(Path.of("package-lock.json"));
        Path installed = Path.of("node_modules", ".package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(locked) < 0) {
            Result ci = run(null, List.of("npm", "ci", "--no-audit", "--no-fund"));
            assertThat(ci.exit()).as("npm ci:\n" + ci.out()).isZero();
        }
    }

    /** The locally installed tool only: npx never fetches another version. */
    private static Result npx(String stdin, Stream<String> arguments) throws Exception {
        Tools.require("npx");
        install();
        return run(
                stdin,
                Stream.concat(Stream.of("npx", "--no-install"), arguments).toList());
    }

    private static Result run(String stdin, List<String> command) throws Exception {
        Path log = Files.createTempFile("script-style", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(command + " did not finish in 5 minutes:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log).strip());
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
