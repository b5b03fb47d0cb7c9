package io.regtrack.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One embedded PostgreSQL per JVM, stopped by its own shutdown hook. Dev-mode restarts load application classes afresh, so the
 * running server is remembered in a system property rather than a static field.
 */
final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String RUNNING = "regtrack.embedded-db.running-url";
    private static final String DATABASE = "regtrack";
    private static final String USER = "postgres";

    private EmbeddedDatabase() {}

    static synchronized Map<String, String> start(Path dataDir, int port) {
        String running = System.getProperty(RUNNING);
        if (running == null) {
            running = launch(dataDir, port);
            System.setProperty(RUNNING, running);
        }
        return Map.of(
                EmbeddedDatabaseConfigFactory.URL,
                running,
                "quarkus.datasource.username",
                USER,
                "quarkus.datasource.password",
                "");
    }

    private static String launch(Path dataDir, int port) {
        try {
            boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
            EmbeddedPostgres postgres = open(dataDir, port);
            LOG.infof(
                    "Embedded PostgreSQL %s on port %d, data in %s (%s). Set QUARKUS_DATASOURCE_JDBC_URL to use "
                            + "your own PostgreSQL instead.",
                    serverVersion(postgres), postgres.getPort(), dataDir, fresh ? "new" : "existing data kept");
            return postgres.getJdbcUrl(USER, DATABASE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Starts PostgreSQL on the data directory (creating it and the regtrack database if new). */
    static EmbeddedPostgres open(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.toAbsolutePath()
                        .getParent()
                        .resolve("postgres-binaries")
                        .toFile());
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabase(postgres);
        return postgres;
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("create database " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "(version unknown)";
        }
    }
}
