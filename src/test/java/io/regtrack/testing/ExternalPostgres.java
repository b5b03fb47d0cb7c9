package io.regtrack.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * A PostgreSQL server of the test's own, standing in for the external database of a deployment: the
 * services under test reach it over TCP with a JDBC URL, as they reach a managed database, and none
 * of them starts or stops it. It is PostgreSQL 17 from the same Maven artifact as the tests'
 * embedded database, so it needs no package on the machine. Each test takes an empty database of
 * its own.
 */
public final class ExternalPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private ExternalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static ExternalPostgres start() throws IOException {
        return new ExternalPostgres(EmbeddedPostgres.builder().start());
    }

    /** An empty database: no schema, no rows, until a service migrates it. */
    public Database create(String name) throws SQLException {
        execute(server.getPostgresDatabase(), "create database " + name);
        return new Database(name, "postgres", "");
    }

    /** A copy of a database no one is connected to (the services using it stopped). */
    public Database copy(Database source, String name) throws SQLException {
        execute(server.getPostgresDatabase(), "create database " + name + " template " + source.name());
        return new Database(name, "postgres", "");
    }

    /** The same database as {@code database}, reached as a role that may only read it. */
    public Database readOnly(Database database, String role) throws SQLException {
        execute(
                server.getPostgresDatabase(),
                "create role " + role + " login password '" + role + "'",
                "grant connect on database " + database.name() + " to " + role);
        execute(
                dataSource(database),
                "grant usage on schema public to " + role,
                "grant select on all tables in schema public to " + role);
        return new Database(database.name(), role, role);
    }

    public DataSource dataSource(Database database) {
        return server.getDatabase(database.user(), database.name());
    }

    public String jdbcUrl(Database database) {
        return server.getJdbcUrl(database.user(), database.name());
    }

    /** The settings that point a service at {@code database}, with no embedded database of its own. */
    public List<String> serviceOptions(Database database) {
        return List.of(
                "-Dregtrack.embedded-db.enabled=false",
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl(database),
                "-Dquarkus.datasource.username=" + database.user(),
                "-Dquarkus.datasource.password=" + database.password());
    }

    private static void execute(DataSource target, String... statements) throws SQLException {
        try (Connection c = target.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** A database on this server, and the role that connects to it. */
    public record Database(String name, String user, String password) {}
}
