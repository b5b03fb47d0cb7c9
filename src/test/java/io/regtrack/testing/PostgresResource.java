package io.regtrack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The tests' PostgreSQL, in this order: the URL in QUARKUS_DATASOURCE_JDBC_URL; a Testcontainers
 * PostgreSQL when a Docker engine answers; else an embedded PostgreSQL in a temporary directory.
 * Never H2, never a mock.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PostgresResource.class);

    private PostgreSQLContainer container;
    private EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url != null && !url.isBlank()) {
            LOG.infof("Tests use the PostgreSQL at %s (QUARKUS_DATASOURCE_JDBC_URL)", url);
            return Map.of();
        }
        if (dockerAnswers()) {
            LOG.info("Tests use a Testcontainers PostgreSQL 17");
            container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    container.getJdbcUrl(),
                    "quarkus.datasource.username",
                    container.getUsername(),
                    "quarkus.datasource.password",
                    container.getPassword());
        }
        LOG.info(
                "Tests use an embedded PostgreSQL 17 in a temporary directory (no QUARKUS_DATASOURCE_JDBC_URL, no Docker engine)");
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL for the tests", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                embedded.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "");
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Asks Testcontainers only when a Docker engine may be there (a socket or DOCKER_HOST), so that a
     * machine without one gets no misleading "could not find a valid Docker environment" error.
     */
    private static boolean dockerAnswers() {
        boolean maybe = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(
                        java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!maybe) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
