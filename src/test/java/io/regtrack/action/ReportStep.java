package io.regtrack.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the action's script as the composite action would, in a simulated GitHub job, or on its own in a simulated
 * job of another CI with that CI's variables only.
 */
final class ReportStep {

    static final Path SCRIPT =
            Path.of(".github", "actions", "report", "report.sh").toAbsolutePath();

    record Result(int exit, String log, String summary, Map<String, String> outputs) {}

    private final Map<String, String> env = new HashMap<>();
    private final Path workdir;
    private final Path temp;

    private ReportStep(Path workdir, Path temp) throws IOException {
        this.workdir = workdir;
        this.temp = temp;
        Files.createDirectories(temp);
        env.put("TMPDIR", temp.toString());
        env.put("REGTRACK_ATTEMPTS", "4");
    }

    /** A step of a GitHub Actions job triggered by {@code event}. */
    ReportStep(Path workdir, Path temp, String event, String eventJson, String sha, String ref) throws IOException {
        this(workdir, temp);
        Path eventFile = temp.resolve("event.json");
        Files.writeString(eventFile, eventJson);
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", event);
        env.put("GITHUB_EVENT_PATH", eventFile.toString());
        env.put("GITHUB_SHA", sha);
        env.put("GITHUB_REF", ref);
        env.put("GITHUB_REPOSITORY", "acme/sumloop");
        env.put("GITHUB_RUN_ID", String.valueOf(Math.abs(temp.hashCode())));
        env.put("GITHUB_RUN_ATTEMPT", "1");
        env.put("GITHUB_JOB", "measure");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary.md").toString());
        env.put("GITHUB_OUTPUT", temp.resolve("output.txt").toString());
        env.put("RUNNER_TEMP", temp.toString());
        env.put("RUNNER_OS", "Linux");
        env.put("RUNNER_ARCH", "X64");
        env.put("REGTRACK_GITHUB_TOKEN", "gh-test-token");
    }

    /** The script run by hand in a job of another CI, which sets {@code variables} (GitLab's, Buildkite's). */
    static ReportStep elsewhere(Path workdir, Path temp, Map<String, String> variables) throws IOException {
        ReportStep step = new ReportStep(workdir, temp);
        step.env.putAll(variables);
        return step;
    }

    ReportStep with(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString())
                .directory(workdir.toFile())
                .redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("GITHUB_")
                        || k.startsWith("RUNNER_")
                        || k.startsWith("GITLAB_")
                        || k.startsWith("CI_")
                        || k.startsWith("BUILDKITE")
                        || k.startsWith("REGTRACK_")
                        || k.startsWith("CARGO_PROFILE_")
                        || k.equals("RUSTFLAGS"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the report step did not finish:\n" + log);
        }
        Path summary = temp.resolve("summary.md");
        Map<String, String> outputs = new HashMap<>();
        Path output = temp.resolve("output.txt");
        if (Files.exists(output)) {
            for (String line : Files.readAllLines(output)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    outputs.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return new Result(process.exitValue(), log, Files.exists(summary) ? Files.readString(summary) : "", outputs);
    }
}
