package io.regtrack.auth;

import static io.regtrack.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.Rows;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class AdminBootstrapTest {

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    DataSource db;

    @TempDir
    Path home;

    @Test
    void theFirstAdminTokenIsCreatedOnceWrittenToAPrivateFileAndWorks() throws Exception {
        // The test profile configures an admin token, so start-up created none; a database kept
        // from an earlier run may hold one, so begin from none.
        Rows.update(db, "delete from tokens where scope = 'admin'");

        Path file = home.resolve("regtrack/admin-token");
        Optional<String> first = bootstrap.createIfMissing(file);
        Optional<String> second = bootstrap.createIfMissing(home.resolve("other"));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(Files.readString(file).trim()).isEqualTo(first.get());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(home.resolve("other")).doesNotExist();
        assertThat(Rows.count(db, "select count(*) from tokens where scope = 'admin'"))
                .isEqualTo(1);
        as(first.get())
                .body(Map.of("slug", "made-by-first-admin", "name", "x"))
                .post("/api/v1/projects")
                .then()
                .statusCode(201);
    }
}
