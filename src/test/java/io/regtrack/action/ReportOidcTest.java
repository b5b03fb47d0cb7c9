package io.regtrack.action;

import static io.regtrack.testing.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.LocalIssuer;
import io.regtrack.testing.Tools;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report step without a token in a GitHub Actions job allowed `id-token: write`: it asks the
 * runner for the job's OIDC token, made for the server's public URL, and uploads with it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalIssuer.class, restrictToAnnotatedClass = true)
class ReportOidcTest {

    @TestHTTPResource("/")
    URL server;

    @TempDir
    Path tmp;

    @Test
    void aJobWithoutATokenUploadsWithItsOidcIdentity() throws Exception {
        for (String tool : List.of("cargo", "rustc", "git", "jq", "curl", "bash")) {
            Tools.require(tool);
        }
        String slug = "oidc-step-" + System.nanoTime();
        admin().body("{\"slug\": \"%s\", \"name\": \"%s\", \"repository\": \"https://github.com/%s\"}"
                        .formatted(slug, slug, LocalIssuer.JOB_REPOSITORY))
                .post("/api/v1/projects")
                .then()
                .statusCode(201);
        Workspace ws = new Workspace(tmp.resolve("repo"));
        String sha = ws.commit(Workspace.SMALL, "Base");
        ws.build("release");
        ReportStep step = new ReportStep(ws.dir, tmp.resolve("job"), "push", "{}", sha, LocalIssuer.JOB_REF)
                .with("REGTRACK_SERVER_URL", server.toString())
                .with("REGTRACK_PROJECT", slug)
                .with("REGTRACK_BINARIES", "target/release/sumloop")
                .with("REGTRACK_OIDC_AUDIENCE", LocalIssuer.AUDIENCE)
                .with("ACTIONS_ID_TOKEN_REQUEST_URL", LocalIssuer.url() + "/token?api-version=2.0")
                .with("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token");
        ReportStep.Result sent = step.run();
        assertThat(sent.exit()).as(sent.log()).isZero();
        assertThat(sent.log())
                .contains("uploading with this job's GitHub OIDC identity")
                .contains("::add-mask::");
        assertThat(sent.outputs()).containsKey("run-url");

        // Without the runner's token request (no id-token permission) the step says what it needs.
        ReportStep.Result refused = new ReportStep(ws.dir, tmp.resolve("job2"), "push", "{}", sha, LocalIssuer.JOB_REF)
                .with("REGTRACK_SERVER_URL", server.toString())
                .with("REGTRACK_PROJECT", slug)
                .with("REGTRACK_BINARIES", "target/release/sumloop")
                .run();
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.log()).contains("id-token: write");
    }
}
