package io.regtrack.embeddedpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trial database as the service runs it: durable, password-protected, supervised. Each test
 * starts real PostgreSQL servers on a directory of its own.
 */
class EmbeddedPostgresTest {

    @TempDir
    Path home;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDir = home.resolve("postgres");
        try (Supervisor first = Supervisor.start(dataDir, 0)) {
            try (Connection c = connect(first);
                    Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('still here')");
            }
        }
        try (Supervisor second = Supervisor.start(dataDir, 0);
                Connection c = connect(second);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select v, current_setting('server_version_num')::int from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(170000);
        }
    }

    @Test
    void keepsPostgresDefaultDurability() throws Exception {
        try (Supervisor server = Supervisor.start(home.resolve("postgres"), 0);
                Connection c = connect(server)) {
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void onlyThePasswordInItsPrivateFileLetsAnyoneIn() throws Exception {
        try (Supervisor server = Supervisor.start(home.resolve("postgres"), 0)) {
            Path passwordFile = server.data().path().resolve("regtrack.password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThatThrownBy(() -> connect(server, "postgres", ""))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> connect(server, "postgres", "not-the-password"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            String hba = Files.readString(server.data().path().resolve("pg_hba.conf"));
            assertThat(hba.lines().filter(l -> !l.startsWith("#") && !l.isBlank()))
                    .allMatch(l -> l.endsWith("scram-sha-256"));
            try (Connection c = connect(server)) {
                assertThat(setting(c, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(setting(c, "unix_socket_directories")).isEmpty();
                assertThat(setting(c, "password_encryption")).isEqualTo("scram-sha-256");
            }
        }
    }

    @Test
    void aDirectoryFromAnOlderVersionIsGivenAPasswordBeforeAnyoneConnects() throws Exception {
        Path dataDir = home.resolve("postgres");
        // what earlier versions left: a cluster that trusts every local connection
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start()) {
            try (Connection c = old.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create database regtrack");
            }
            try (Connection c = old.getDatabase("postgres", "regtrack").getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('from before')");
            }
        }
        try (Supervisor server = Supervisor.start(dataDir, 0)) {
            assertThatThrownBy(() -> connect(server, "postgres", "")).isInstanceOf(SQLException.class);
            try (Connection c = connect(server.port(), "postgres", server.data().password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("from before");
            }
        }
    }

    @Test
    void aServerThatDiesIsStartedAgainOnTheSameAddress() throws Exception {
        try (Supervisor server = Supervisor.start(home.resolve("postgres"), 0)) {
            long first = server.serverPid();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try (Connection c = connect(server)) {
                    assertThat(server.serverPid()).isNotEqualTo(first);
                    assertThat(setting(c, "fsync")).isEqualTo("on");
                    return;
                } catch (SQLException notYet) {
                    Thread.sleep(200);
                }
            }
            throw new AssertionError("the server was not started again within 60 s");
        }
    }

    @Test
    void aServerLeftRunningByADeadOwnerIsStoppedAndReplaced() throws Exception {
        Path dataDir = home.resolve("postgres");
        // what a killed service leaves: a server on the directory, and no one holding its lock
        DataDirectory data = new DataDirectory(dataDir, PostgresBinaries.install(home.resolve("postgres-binaries")));
        data.prepare();
        Postmaster left = Postmaster.start(data, Supervisor.freePort(), Duration.ofSeconds(60));
        long orphan = left.process().pid();
        try (Connection c = left.connect(Postmaster.DATABASE, data.password());
                Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('acknowledged')");
        }
        try (Supervisor second = Supervisor.start(dataDir, 0);
                Connection c = connect(second);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(left.process().isAlive()).isFalse();
            assertThat(second.serverPid()).isNotEqualTo(orphan);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("acknowledged");
        }
    }

    @Test
    void twoOwnersOfOneDirectoryAreRefused() throws Exception {
        Path dataDir = home.resolve("postgres");
        try (Supervisor first = Supervisor.start(dataDir, 0)) {
            assertThatThrownBy(() -> Supervisor.start(dataDir, 0))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Another regtrack process uses the embedded PostgreSQL");
            try (Connection c = connect(first)) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aConfiguredUrlMeansNoEmbeddedDatabase() {
        assertThat(sourceNames(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/regtrack")))
                .noneMatch(name -> name.startsWith("embedded PostgreSQL"));
        assertThat(sourceNames(Map.of("regtrack.embedded-db.enabled", "false")))
                .noneMatch(name -> name.startsWith("embedded PostgreSQL"));
        assertThat(sourceNames(Map.of("regtrack.embedded-db.data-dir", home.toString())))
                .contains("embedded PostgreSQL at " + home);
    }

    private static Connection connect(Supervisor server) throws IOException, SQLException {
        return connect(server.port(), "postgres", server.data().password());
    }

    private static Connection connect(Supervisor server, String user, String password) throws SQLException {
        return connect(server.port(), user, password);
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/regtrack", props);
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> sourceNames(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .withSources(new EmbeddedPostgresConfigFactory())
                .build();
        List<String> names = new ArrayList<>();
        config.getConfigSources().forEach(source -> names.add(source.getName()));
        return names;
    }
}
