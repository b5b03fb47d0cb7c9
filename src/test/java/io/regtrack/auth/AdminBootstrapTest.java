package io.regtrack.auth;

import static io.regtrack.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminBootstrapTest {

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    DataSource db;

    @Test
    void theFirstAdminTokenIsCreatedOnceAndWorks() {
        // The test profile configures an admin token, so start-up created none; a database kept
        // from an earlier run may hold one, so begin from none.
        Rows.update(db, "delete from tokens where scope = 'admin'");

        Optional<String> first = bootstrap.createIfMissing();
        Optional<String> second = bootstrap.createIfMissing();

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(Rows.count(db, "select count(*) from tokens where scope = 'admin'"))
                .isEqualTo(1);
        as(first.get())
                .body(Map.of("slug", "made-by-first-admin", "name", "x"))
                .post("/api/v1/projects")
                .then()
                .statusCode(201);
    }
}
