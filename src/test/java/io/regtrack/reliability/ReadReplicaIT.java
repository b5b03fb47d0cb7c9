package io.regtrack.reliability;

import static io.regtrack.testing.ServiceCalls.get;
import static io.regtrack.testing.ServiceCalls.post;
import static io.regtrack.testing.ServiceCalls.projectWithIngestToken;
import static io.regtrack.testing.ServiceCalls.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.testing.ExternalPostgres;
import io.regtrack.testing.Rows;
import io.regtrack.testing.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with a read replica configured through the environment, as a deployment sets it: the
 * dashboard's charts are read from the replica, everything else from and to the primary. The
 * replica here is a copy of the primary taken at a moment (so it holds fewer runs than the primary
 * afterwards, as a lagging replica does) reached as a role that can only read it.
 */
class ReadReplicaIT {

    private static final String ADMIN = "read-replica-admin-token-of-this-test-only";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void chartsAreReadFromTheReplicaAndEverythingElseFromThePrimary() throws Exception {
        try (ExternalPostgres postgres = ExternalPostgres.start()) {
            ExternalPostgres.Database primary = postgres.create("dashboards");
            List<String> options = new ArrayList<>(postgres.serviceOptions(primary));
            options.add("-Dregtrack.auth.admin-token=" + ADMIN);
            String token;
            try (ServiceProcess before = new ServiceProcess(
                            Files.createDirectories(home.resolve("before")), options.toArray(String[]::new))
                    .start()) {
                token = projectWithIngestToken(before, ADMIN, "charts");
                for (int n = 1; n <= 3; n++) {
                    assertThat(status(post(before, token, "/api/v1/projects/charts/runs", Uploads.run(n, "k" + n, n))))
                            .isEqualTo(201);
                }
            }
            ExternalPostgres.Database replica =
                    postgres.readOnly(postgres.copy(primary, "dashboards_replica"), "dashboard_reader");
            DataSource reader = postgres.dataSource(replica);
            assertThatThrownBy(() -> Rows.update(reader, "delete from runs"))
                    .as("the replica's role cannot write")
                    .hasMessageContaining("permission denied");

            try (ServiceProcess service = new ServiceProcess(
                            Files.createDirectories(home.resolve("with-replica")), options.toArray(String[]::new))
                    .withEnvironment("QUARKUS_DATASOURCE_REPLICA_JDBC_URL", postgres.jdbcUrl(replica))
                    .withEnvironment("QUARKUS_DATASOURCE_REPLICA_USERNAME", replica.user())
                    .withEnvironment("QUARKUS_DATASOURCE_REPLICA_PASSWORD", replica.password())
                    .start()) {
                assertThat(service.logText()).contains("Charts are read from the read replica");
                for (int n = 4; n <= 5; n++) {
                    assertThat(status(post(service, token, "/api/v1/projects/charts/runs", Uploads.run(n, "k" + n, n))))
                            .as("uploads are written to the primary")
                            .isEqualTo(201);
                }
                assertThat(json(get(service, token, "/api/v1/projects/charts/runs?limit=50")
                                        .body())
                                .get("runs")
                                .size())
                        .as("the runs list reads the primary")
                        .isEqualTo(5);

                JsonNode series =
                        json(get(service, token, "/api/v1/projects/charts/series?kind=size&name=app&branch=main")
                                .body());
                assertThat(values(series.get("points")))
                        .as("a chart reads the replica")
                        .containsExactly(1.0, 2.0, 3.0);
                JsonNode charts = json(get(service, token, "/api/v1/projects/charts/charts?branch=main")
                        .body());
                assertThat(charts.toString())
                        .as("the page of charts reads the replica")
                        .doesNotContain(commit(4));
                assertThat(charts.get("runs").size()).isEqualTo(3);
                assertThat(get(service, token, "/api/v1/projects/charts/series/index?branch=main")
                                .body())
                        .contains("\"points\":3")
                        .doesNotContain("\"points\":5");
            }
            DataSource db = postgres.dataSource(primary);
            assertThat(Rows.runs(db, "charts")).isEqualTo(5);
            assertThat(Rows.runs(reader, "charts")).isEqualTo(3);
        }
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    private static List<Double> values(JsonNode points) {
        List<Double> values = new ArrayList<>();
        points.forEach(p -> values.add(p.get("value").asDouble()));
        return values;
    }

    private static String commit(int n) {
        return String.format("%040x", n);
    }
}
