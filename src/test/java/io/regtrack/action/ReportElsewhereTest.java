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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report step's script outside GitHub: run by hand in a GitLab CI job, with GitLab's predefined variables and
 * none of GitHub's, it reports the merge request's own commit and branch, the pipeline's address, and keys the upload
 * by the job, so a repeated upload from the same job is a replay.
 */
@QuarkusTest
class ReportElsewhereTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    DataSource db;

    @TempDir
    Path tmp;

    @BeforeEach
    void tools() {
        for (String tool : List.of("cargo", "rustc", "git", "jq", "curl", "bash")) {
            Tools.require(tool);
        }
    }

    @Test
    void aGitLabMergeRequestPipelineIsReportedFromGitLabsVariablesAndReplayedByJob() throws Exception {
        String slug = project("gitlab", false);
        String ingest = token(slug, "ingest");
        Workspace ws = new Workspace(tmp.resolve("repo"));
        String base = ws.commit(Workspace.SMALL, "Base");
        String head = ws.commit(Workspace.GROWN, "Add a lookup table");
        // A merged-results pipeline checks out a merge commit; the request's head is
        // CI_MERGE_REQUEST_SOURCE_BRANCH_SHA.
        String merged = ws.commit(Workspace.GROWN + "// merged\n", "Merge feature/table into main");
        ws.build("release");
        String pipeline = "https://gitlab.example.com/acme/sumloop/-/pipelines/4242";
        Map<String, String> gitlab = Map.ofEntries(
                Map.entry("GITLAB_CI", "true"),
                Map.entry("CI_COMMIT_SHA", merged),
                Map.entry("CI_COMMIT_REF_NAME", "feature/table"),
                Map.entry("CI_MERGE_REQUEST_IID", "12"),
                Map.entry("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature/table"),
                Map.entry("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", head),
                Map.entry("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
                Map.entry("CI_MERGE_REQUEST_DIFF_BASE_SHA", base),
                Map.entry("CI_MERGE_REQUEST_PROJECT_PATH", "acme/sumloop"),
                Map.entry("CI_MERGE_REQUEST_SOURCE_PROJECT_PATH", "acme/sumloop"),
                Map.entry("CI_PIPELINE_URL", pipeline),
                Map.entry("CI_JOB_ID", "987654"),
                Map.entry("REGTRACK_SERVER_URL", server.toString()),
                Map.entry("REGTRACK_TOKEN", ingest),
                Map.entry("REGTRACK_PROJECT", slug),
                Map.entry("REGTRACK_BINARIES", "target/release/sumloop"),
                Map.entry("REGTRACK_FAIL_ON", "never"));

        ReportStep.Result first =
                ReportStep.elsewhere(ws.dir, tmp.resolve("job"), gitlab).run();
        assertThat(first.exit()).as(first.log()).isZero();
        assertThat(first.log())
                .as("the comparison's Markdown on stdout, no GitHub annotations")
                .contains("| Status | Kind | Name |")
                .contains("| 🆕 new | size | sumloop |")
                .doesNotContain("::error")
                .doesNotContain("already had this run");
        assertThat(first.summary()).isEmpty();
        assertThat(first.outputs()).isEmpty();

        Object id = as(ingest)
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .path("runs[0].id");
        as(ingest)
                .get("/api/v1/projects/" + slug + "/runs/" + id)
                .then()
                .statusCode(200)
                .body("commit", equalTo(head))
                .body("branch", equalTo("feature/table"))
                .body("pullRequest", equalTo(12))
                .body("parentCommit", equalTo(base))
                .body("ciUrl", equalTo(pipeline))
                .body("idempotencyKey", equalTo("gl-987654-release"))
                .body("measurements[0].name", equalTo("sumloop"));

        ReportStep.Result again =
                ReportStep.elsewhere(ws.dir, tmp.resolve("again"), gitlab).run();
        assertThat(again.exit()).as(again.log()).isZero();
        assertThat(again.log()).contains("the server already had this run (idempotency key gl-987654-release)");
        assertThat(Rows.runs(db, slug)).isEqualTo(1);
    }
}
