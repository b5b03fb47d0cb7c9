package io.regtrack.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trial database keeps its data in the directory it is given, across restarts. */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDir = home.resolve("postgres");
        try (EmbeddedPostgres first = EmbeddedDatabase.open(dataDir, 0)) {
            try (Connection c = DriverManager.getConnection(first.getJdbcUrl("postgres", "regtrack"));
                    Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('still here')");
            }
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();
        try (EmbeddedPostgres second = EmbeddedDatabase.open(dataDir, 0);
                Connection c = DriverManager.getConnection(second.getJdbcUrl("postgres", "regtrack"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select v, current_setting('server_version_num')::int from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(170000);
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

    private static List<String> sourceNames(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .withSources(new EmbeddedDatabaseConfigFactory())
                .build();
        List<String> names = new ArrayList<>();
        config.getConfigSources().forEach(source -> names.add(source.getName()));
        return names;
    }
}
