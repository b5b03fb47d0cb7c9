package io.regtrack.action;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import io.regtrack.testing.Tools;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report step end to end: a real crate built by the real cargo, timed by hyperfine, reported
 * by the action's script in simulated GitHub jobs to the service under test. Only GitHub's REST
 * API is a local fake.
 */
@QuarkusTest
class ReportActionTest {

    private static final String NO_COMMIT = "0000000000000000000000000000000000000000";

    @TestHTTPResource("/")
    URL server;

    @Inject
    DataSource db;

    @TempDir
    Path tmp;

    @BeforeEach
    void tools() {
        for (String tool : List.of("cargo", "rustc", "git", "hyperfine", "jq", "curl", "bash")) {
            Tools.require(tool);
        }
    }

    private ReportStep step(
            Workspace ws,
            String job,
            String event,
            String eventJson,
            String sha,
            String ref,
            String slug,
            String ingest,
            String profile)
            throws Exception {
        String dir = profile.equals("release") ? "release" : profile;
        return new ReportStep(ws.dir, tmp.resolve(job), event, eventJson, sha, ref)
                .with("REGTRACK_SERVER_URL", server.toString())
                .with("REGTRACK_TOKEN", ingest)
                .with("REGTRACK_PROJECT", slug)
                .with("REGTRACK_PROFILE", profile)
                .with("REGTRACK_BINARIES", "target/" + dir + "/sumloop")
                .with(
                        "REGTRACK_CARGO_BUILD_LOG",
                        ws.dir.resolve("cargo-" + profile + ".log").toString());
    }

    private static String pullRequest(int number, String head, String base) {
        return """
                {"pull_request": {"number": %d, "head": {"sha": "%s", "ref": "feature/table"},
                 "base": {"sha": "%s", "ref": "main"}}, "repository": {"default_branch": "main"}}
                """.formatted(number, head, base);
    }

    @Test
    void aReleaseThenAPullRequestThatGrowsTheBinary() throws Exception {
        String slug = project("action", false);
        String ingest = token(slug, "ingest");
        Workspace ws = new Workspace(tmp.resolve("repo"));
        try (FakeGitHub github = new FakeGitHub()) {
            String v1 = ws.commit(Workspace.SMALL, "First release");
            String tagPush = "{\"ref\": \"refs/tags/v1.0.0\", \"before\": \"" + NO_COMMIT
                    + "\", \"repository\": {\"default_branch\": \"main\"}}";
            for (String profile : List.of("release", "min-size")) {
                ws.build(profile);
                ReportStep release = step(
                                ws, "tag-" + profile, "push", tagPush, v1, "refs/tags/v1.0.0", slug, ingest, profile)
                        .with("GITHUB_API_URL", github.url());
                if (profile.equals("release")) {
                    release.with(
                            "REGTRACK_HYPERFINE_JSON", ws.benchmark(profile).toString());
                }
                ReportStep.Result result = release.run();
                assertThat(result.exit()).as(result.log()).isZero();
                assertThat(result.outputs()).containsEntry("status", "no-baseline");
            }
            as(ingest).get("/api/v1/projects/" + slug + "/releases").then().body("tag", equalTo(List.of("v1.0.0")));

            String grown = ws.commit(Workspace.GROWN, "Add a lookup table");
            ws.build("release");
            long grownSize = Files.size(ws.binary("release"));
            ReportStep.Result failed = step(
                            ws,
                            "pr-1",
                            "pull_request",
                            pullRequest(7, grown, v1),
                            "refs/pull/7/merge-sha-not-used",
                            "refs/pull/7/merge",
                            slug,
                            ingest,
                            "release")
                    .with("GITHUB_API_URL", github.url())
                    .with("REGTRACK_FAIL_ON", "regression")
                    .run();
            assertThat(failed.exit()).as(failed.log()).isEqualTo(1);
            assertThat(failed.log()).contains("failing the job: the comparison is regressed");
            assertThat(failed.outputs()).containsEntry("status", "regressed").containsKey("run-url");
            assertThat(failed.summary())
                    .contains("🔴 1 regression against v1.0.0")
                    .contains("| 🔴 regressed | size | sumloop |")
                    .contains("`" + grown.substring(0, 10) + "`");
            assertThat(github.comments()).hasSize(1);
            assertThat(github.comments().get(0).get("issue").asText()).isEqualTo("7");
            assertThat(github.comments().get(0).get("body").asText())
                    .contains("<!-- regtrack:report project=" + slug + " profile=release -->")
                    .contains("regressed");

            Map<String, Object> run = as(ingest)
                    .queryParam("branch", "feature/table")
                    .get("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("runs[0]");
            assertThat(run)
                    .containsEntry("commit", grown)
                    .containsEntry("pullRequest", 7)
                    .containsEntry("profile", "release");
            as(ingest)
                    .get("/api/v1/projects/" + slug + "/runs/" + run.get("id"))
                    .then()
                    .body("measurements[0].value", equalTo((int) grownSize))
                    .body("profile.effective.lto.value", equalTo("false"))
                    .body("profile.effective.strip.value", equalTo("debuginfo"))
                    .body("toolchain.target", equalTo("x86_64-unknown-linux-gnu"));
            as(ingest)
                    .get("/api/v1/projects/" + slug + "/runs/" + run.get("id") + "/comparison")
                    .then()
                    .body("baseline.tag", equalTo("v1.0.0"));

            String tidied = ws.commit(Workspace.GROWN + "// tidied\n", "Tidy");
            ws.build("release");
            ReportStep.Result passed = step(
                            ws,
                            "pr-2",
                            "pull_request",
                            pullRequest(7, tidied, v1),
                            tidied,
                            "refs/pull/7/merge",
                            slug,
                            ingest,
                            "release")
                    .with("GITHUB_API_URL", github.url())
                    .with("REGTRACK_FAIL_ON", "never")
                    .run();
            assertThat(passed.exit()).as(passed.log()).isZero();
            assertThat(github.comments()).hasSize(1);
            assertThat(github.comments().get(0).get("body").asText()).contains(tidied.substring(0, 10));
            assertThat(github.requests).filteredOn(r -> r.startsWith("POST")).hasSize(1);
            assertThat(github.requests).filteredOn(r -> r.startsWith("PATCH")).hasSize(1);
        }
    }

    @Test
    void aServerDownForTwoAttemptsGetsExactlyOneRun() throws Exception {
        String slug = project("retry", false);
        String ingest = token(slug, "ingest");
        Workspace ws = new Workspace(tmp.resolve("repo"));
        String sha = ws.commit(Workspace.SMALL, "Retry me");
        ws.build("release");
        try (FlakyProxy proxy = new FlakyProxy(server.toString(), 2)) {
            ReportStep.Result result = step(
                            ws,
                            "job",
                            "push",
                            "{\"ref\": \"refs/heads/main\"}",
                            sha,
                            "refs/heads/main",
                            slug,
                            ingest,
                            "release")
                    .with("REGTRACK_SERVER_URL", proxy.url())
                    .run();
            assertThat(result.exit()).as(result.log()).isZero();
            assertThat(result.log()).contains("attempt 1 failed (HTTP 503)").contains("attempt 2 failed (HTTP 503)");
            assertThat(proxy.requests.get()).isEqualTo(3);
        }
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
    }

    @Test
    void aRefusedUploadFailsWithTheServersReason() throws Exception {
        String slug = project("refused", false);
        Workspace ws = new Workspace(tmp.resolve("repo"));
        String sha = ws.commit(Workspace.SMALL, "Wrong token");
        ws.build("release");
        ReportStep.Result result = step(
                        ws,
                        "job",
                        "push",
                        "{\"ref\": \"refs/heads/main\"}",
                        sha,
                        "refs/heads/main",
                        slug,
                        token(slug, "read"),
                        "release")
                .run();
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.log()).contains("the server refused the run: HTTP 403");
        assertThat(Rows.runs(db, slug)).isZero();
    }

    @Test
    void aForkPullRequestIsCollectedWithoutSecretsAndSentByTheBaseRepository() throws Exception {
        String slug = project("fork", false);
        String ingest = token(slug, "ingest");
        Workspace ws = new Workspace(tmp.resolve("repo"));
        String base = ws.commit(Workspace.SMALL, "Base");
        String head = ws.commit(Workspace.GROWN, "From a fork");
        ws.build("release");
        String forkEvent = """
                {"pull_request": {"number": 9, "head": {"sha": "%s", "ref": "feature/table",
                 "repo": {"full_name": "someone/sumloop"}}, "base": {"sha": "%s", "ref": "main",
                 "repo": {"full_name": "acme/sumloop"}}}}
                """.formatted(head, base);
        ReportStep.Result noSecrets = step(
                        ws, "plain", "pull_request", forkEvent, head, "refs/pull/9/merge", slug, "", "release")
                .run();
        assertThat(noSecrets.exit()).as(noSecrets.log()).isZero();
        assertThat(noSecrets.log()).contains("comes from a fork, which gets no secrets");

        Path payload = tmp.resolve("artifact/regtrack-run.json");
        Files.createDirectories(payload.getParent());
        ReportStep.Result collected = step(
                        ws, "collect", "pull_request", forkEvent, head, "refs/pull/9/merge", slug, "", "release")
                .with("REGTRACK_MODE", "collect")
                .with("REGTRACK_PAYLOAD", payload.toString())
                .with("REGTRACK_SERVER_URL", "")
                .with("REGTRACK_PROJECT", "")
                .run();
        assertThat(collected.exit()).as(collected.log()).isZero();
        assertThat(Files.readString(payload)).contains(head).contains("\"pullRequest\": 9");
        assertThat(Rows.runs(db, slug)).isZero();

        try (FakeGitHub github = new FakeGitHub()) {
            String workflowRun = "{\"workflow_run\": {\"head_sha\": \"" + head
                    + "\", \"head_branch\": \"feature/table\", \"pull_requests\": []}}";
            ReportStep.Result sent = new ReportStep(
                            tmp, tmp.resolve("send"), "workflow_run", workflowRun, base, "refs/heads/main")
                    .with("REGTRACK_MODE", "send")
                    .with("REGTRACK_PAYLOAD", payload.toString())
                    .with("REGTRACK_SERVER_URL", server.toString())
                    .with("REGTRACK_TOKEN", ingest)
                    .with("REGTRACK_PROJECT", slug)
                    .with("REGTRACK_FAIL_ON", "never")
                    .with("GITHUB_API_URL", github.url())
                    .run();
            assertThat(sent.exit()).as(sent.log()).isZero();
            assertThat(github.comments())
                    .singleElement()
                    .satisfies(c -> assertThat(c.get("issue").asText()).isEqualTo("9"));
        }
        as(ingest)
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .body("runs[0].commit", equalTo(head))
                .body("runs[0].pullRequest", equalTo(9))
                .body("runs[0].branch", equalTo("someone/feature/table"));
    }
}
