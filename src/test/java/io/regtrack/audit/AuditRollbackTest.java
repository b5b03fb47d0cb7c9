package io.regtrack.audit;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.auth.Caller;
import io.regtrack.auth.Scope;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A change that fails or is rolled back leaves no audit entry. */
@QuarkusTest
class AuditRollbackTest {

    @Inject
    AuditTrail trail;

    @Inject
    DataSource db;

    @Test
    void refusedChangesLeaveNoEntry() {
        String slug = project("audit-refused", false);
        String p = "/api/v1/projects/" + slug;
        admin().body(Map.of("releasePattern", "(")).patch(p).then().statusCode(400);
        admin().body(Map.of("size", Map.of("percent", -1)))
                .put(p + "/thresholds")
                .then()
                .statusCode(400);
        admin().body(Map.of("url", "ftp://x", "events", List.of("run.regressed")))
                .post(p + "/webhooks")
                .then()
                .statusCode(400);
        admin().body(Map.of("name", "x", "scope", "root"))
                .post(p + "/tokens")
                .then()
                .statusCode(400);
        as(token(slug, "read")).body(Map.of("name", "x")).patch(p).then().statusCode(403);
        String ci = token(slug, "ingest");
        as(ci).body(Map.of("tag", "v1.0.0", "commit", sha(1)))
                .post(p + "/releases")
                .then()
                .statusCode(201);
        as(ci).body(Map.of("tag", "v1.0.0", "commit", sha(2)))
                .post(p + "/releases")
                .then()
                .statusCode(409);
        admin().body(Map.of("tag", "v9.9.9")).put(p + "/releases/pinned").then().statusCode(400);
        assertThat(AuditTrailApiTest.entries(slug, "").getList("entries.action", String.class))
                .containsExactly("release.marked", "token.issued", "token.issued", "project.created");
    }

    @Test
    void anEntryIsWrittenOnlyWithTheChangeItRecords() {
        Caller caller = new Caller(null, Scope.ADMIN, null, "rolled back", null);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    trail.record(null, caller, AuditAction.PROJECT_CHANGED, "project rolled-back", Map.of("x", 1));
                    throw new IllegalStateException("the change failed after its entry was written");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Rows.count(db, "select count(*) from audit_events where actor = 'rolled back'"))
                .isZero();
        // Outside a transaction nothing is written at all.
        assertThatThrownBy(() -> trail.record(null, caller, AuditAction.PROJECT_CHANGED, "project none", null))
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
        assertThat(Rows.count(db, "select count(*) from audit_events where actor = 'rolled back'"))
                .isZero();
    }
}
