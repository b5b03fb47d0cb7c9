package io.regtrack.reliability;

import static io.regtrack.testing.ServiceCalls.post;
import static io.regtrack.testing.ServiceCalls.projectWithIngestToken;
import static io.regtrack.testing.ServiceCalls.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.regtrack.testing.ExternalPostgres;
import io.regtrack.testing.Rows;
import io.regtrack.testing.ServiceCalls;
import io.regtrack.testing.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service on one external PostgreSQL, as a deployment behind a load
 * balancer runs them, started at the same moment on an empty database. Whatever instance an upload
 * reaches, the database holds one truth: each acknowledged run once, one release per tag, one alert
 * per change, one answer per idempotency key. Figures are appended to {@code target/reliability.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

    private static final int CLIENTS = 8;
    private static final int UPLOADS_PER_CLIENT = 20;

    @TempDir
    static Path homes;

    private ExternalPostgres postgres;
    private DataSource db;
    private ServiceProcess a;
    private ServiceProcess b;
    private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);

    @BeforeAll
    void twoInstancesStartAtTheSameMomentOnAnEmptyDatabase() throws Exception {
        postgres = ExternalPostgres.start();
        ExternalPostgres.Database database = postgres.create("scale");
        db = postgres.dataSource(database);
        String[] options = postgres.serviceOptions(database).toArray(String[]::new);
        a = new ServiceProcess(Files.createDirectories(homes.resolve("a")), options);
        b = new ServiceProcess(Files.createDirectories(homes.resolve("b")), options);
        CyclicBarrier together = new CyclicBarrier(2);
        Future<?> startA = pool.submit(() -> {
            together.await();
            return a.start();
        });
        Future<?> startB = pool.submit(() -> {
            together.await();
            return b.start();
        });
        startA.get(); // each fails with the service's log if it did not become ready
        startB.get();
    }

    @AfterAll
    void stop() throws Exception {
        pool.shutdownNow();
        for (ServiceProcess service : new ServiceProcess[] {a, b}) {
            if (service != null) {
                service.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void flywayRacingAtStartLeavesOneSchema() throws Exception {
        List<Map<String, Object>> history = Rows.of(
                db,
                "select version, count(*) as n, bool_and(success) as ok from flyway_schema_history"
                        + " where version is not null group by version order by version");
        long migrations;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }
        assertThat(history).hasSize((int) migrations);
        assertThat(history).allSatisfy(row -> {
            assertThat(((Number) row.get("n")).longValue())
                    .as("version %s", row.get("version"))
                    .isEqualTo(1);
            assertThat(row.get("ok")).as("version %s", row.get("version")).isEqualTo(true);
        });
    }

    @Test
    void theFirstStartCreatesOneAdminTokenThatBothInstancesAccept() throws Exception {
        List<Path> written = List.of(a.home().resolve("admin-token"), b.home().resolve("admin-token")).stream()
                .filter(Files::exists)
                .toList();
        assertThat(written)
                .as("one instance wrote the admin token, the other found it")
                .hasSize(1);
        assertThat(Rows.count(db, "select count(*) from tokens where scope = 'admin'"))
                .isEqualTo(1);
        String admin = Files.readString(written.get(0)).trim();
        assertThat(ServiceCalls.get(a, admin, "/api/v1/projects").statusCode()).isEqualTo(200);
        assertThat(ServiceCalls.get(b, admin, "/api/v1/projects").statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentUploadsToBothInstancesAreEachStoredOnce() throws Exception {
        String token = projectWithIngestToken(a, admin(), "load");
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        List<Callable<Void>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(() -> {
                for (int i = 0; i < UPLOADS_PER_CLIENT; i++) {
                    int n = client * 1000 + i;
                    String key = "load-" + n;
                    int status = status(post(
                            (n % 2 == 0) ? a : b,
                            token,
                            "/api/v1/projects/load/runs",
                            Uploads.run(n, key, 300_000 + n)));
                    answers.merge(status, 1, Integer::sum);
                    if (status / 100 == 2) {
                        acknowledged.merge(key, 1, Integer::sum);
                    }
                }
                return null;
            });
        }
        for (Future<Void> done : pool.invokeAll(clients)) {
            done.get();
        }
        Map<String, Long> stored = keyCounts("load");
        long duplicates = stored.values().stream().filter(n -> n > 1).count();
        String figures = String.format(
                "Two instances, one PostgreSQL, %d clients alternating between them: %d uploads sent, answers %s, "
                        + "%d acknowledged, %d stored, %d duplicates.%n",
                CLIENTS,
                CLIENTS * UPLOADS_PER_CLIENT,
                new TreeMap<>(answers),
                acknowledged.size(),
                stored.size(),
                duplicates);
        record(figures);
        assertThat(answers).as(figures).containsOnlyKeys(201);
        assertThat(stored).as(figures).hasSize(CLIENTS * UPLOADS_PER_CLIENT);
        assertThat(stored.keySet()).isEqualTo(acknowledged.keySet());
        assertThat(duplicates).isZero();
        assertThat(Rows.count(
                        db,
                        "select count(*) from measurements m join projects p on p.id = m.project_id"
                                + " where p.slug = 'load'"))
                .as("every run with all its measurements")
                .isEqualTo(CLIENTS * UPLOADS_PER_CLIENT * 2L);
    }

    @Test
    void theSameUploadSentToBothInstancesAtOnceIsStoredOnceAndBothAnswersAgree() throws Exception {
        String token = projectWithIngestToken(b, admin(), "twice");
        int keys = 16;
        List<String> outcomes = new ArrayList<>();
        for (int n = 0; n < keys; n++) {
            String body = Uploads.run(n, "retry-" + n, 500_000 + n);
            List<HttpResponse<String>> both = atOnce(
                    () -> post(a, token, "/api/v1/projects/twice/runs", body),
                    () -> post(b, token, "/api/v1/projects/twice/runs", body));
            List<Integer> statuses =
                    both.stream().map(HttpResponse::statusCode).sorted().toList();
            assertThat(statuses).as("one stores it, the other replays it").containsExactly(200, 201);
            assertThat(runId(both.get(0)))
                    .as("both answers name the one stored run")
                    .isEqualTo(runId(both.get(1)));
            outcomes.add(statuses.toString());
        }
        Map<String, Long> stored = keyCounts("twice");
        assertThat(stored).hasSize(keys).allSatisfy((key, n) -> assertThat(n).isEqualTo(1));
        record(String.format(
                "Two instances, the same upload sent to both at once for %d idempotency keys: answers 201 + 200 "
                        + "each time, %d runs stored.%n",
                keys, stored.size()));
    }

    @Test
    void uploadsTaggingOneReleaseThroughBothInstancesMakeOneRelease() throws Exception {
        String token = projectWithIngestToken(a, admin(), "tags");
        int tags = 5;
        int jobsPerTag = 6;
        for (int t = 0; t < tags; t++) {
            String tag = "v1.0." + t;
            int commit = 9000 + t;
            List<Callable<Optional<HttpResponse<String>>>> jobs = new ArrayList<>();
            for (int j = 0; j < jobsPerTag; j++) {
                ServiceProcess to = j % 2 == 0 ? a : b;
                String body = Uploads.tagged(commit, tag, "profile-" + j, "tag-" + t + "-" + j);
                jobs.add(() -> post(to, token, "/api/v1/projects/tags/runs", body));
            }
            for (Future<Optional<HttpResponse<String>>> answer : pool.invokeAll(jobs)) {
                assertThat(status(answer.get())).isEqualTo(201);
            }
        }
        String release =
                String.format("{\"tag\":\"v2.0.0\",\"commit\":\"%040x\"}", 9000); // marked by API through both at once
        List<HttpResponse<String>> marked = atOnce(
                () -> post(a, token, "/api/v1/projects/tags/releases", release),
                () -> post(b, token, "/api/v1/projects/tags/releases", release));
        assertThat(marked.stream().map(HttpResponse::statusCode).sorted().toList())
                .containsExactly(200, 201);
        List<Map<String, Object>> releases = Rows.of(
                db,
                "select r.tag, count(*) as n from releases r join projects p on p.id = r.project_id"
                        + " where p.slug = 'tags' group by r.tag order by r.tag");
        assertThat(releases).hasSize(tags + 1);
        assertThat(releases)
                .allSatisfy(row -> assertThat(((Number) row.get("n")).longValue())
                        .as("release %s", row.get("tag"))
                        .isEqualTo(1));
    }

    @Test
    void aSizeStepUploadedThroughBothInstancesOpensOneAlert() throws Exception {
        String token = projectWithIngestToken(b, admin(), "step");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int n = 0; n < 10; n++) {
            String body = Uploads.at(n, start.plusSeconds(3600L * n), "history-" + n, 1_000_000);
            assertThat(status(post(n % 2 == 0 ? a : b, token, "/api/v1/projects/step/runs", body)))
                    .isEqualTo(201);
        }
        for (int n = 10; n < 14; n++) { // each commit of the new level built by two jobs, one per instance
            String first = Uploads.at(n, start.plusSeconds(3600L * n), "step-a-" + n, 1_200_000);
            String second = Uploads.at(n, start.plusSeconds(3600L * n), "step-b-" + n, 1_200_000);
            List<HttpResponse<String>> both = atOnce(
                    () -> post(a, token, "/api/v1/projects/step/runs", first),
                    () -> post(b, token, "/api/v1/projects/step/runs", second));
            assertThat(both).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        }
        List<Map<String, Object>> alerts = Rows.of(
                db,
                "select a.kind, a.name, a.direction, a.status, a.culprit_commit from alerts a"
                        + " join projects p on p.id = a.project_id where p.slug = 'step'");
        assertThat(alerts).as("one change, one alert: %s", alerts).hasSize(1);
        assertThat(alerts.get(0))
                .containsEntry("name", "app")
                .containsEntry("direction", "regression")
                .containsEntry("status", "open")
                .containsEntry("culprit_commit", String.format("%040x", 10));
        HttpResponse<String> listed = ServiceCalls.get(a, token, "/api/v1/projects/step/alerts");
        assertThat(listed.body()).contains(String.format("%040x", 10));
        assertThat(ServiceCalls.get(b, token, "/api/v1/projects/step/alerts").body())
                .isEqualTo(listed.body());
    }

    private String admin() throws Exception {
        Path token = Files.exists(a.home().resolve("admin-token"))
                ? a.home().resolve("admin-token")
                : b.home().resolve("admin-token");
        return Files.readString(token).trim();
    }

    /** Runs two calls at the same moment (as far as two threads can) and answers both answers. */
    private List<HttpResponse<String>> atOnce(
            Callable<Optional<HttpResponse<String>>> first, Callable<Optional<HttpResponse<String>>> second)
            throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Future<Optional<HttpResponse<String>>> one = pool.submit(() -> {
            together.await();
            return first.call();
        });
        Future<Optional<HttpResponse<String>>> two = pool.submit(() -> {
            together.await();
            return second.call();
        });
        return List.of(
                one.get().orElseThrow(() -> new AssertionError("no answer")),
                two.get().orElseThrow(() -> new AssertionError("no answer")));
    }

    private Map<String, Long> keyCounts(String slug) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, Object> row : Rows.of(
                db,
                "select r.idempotency_key as k, count(*) as n from runs r join projects p on p.id = r.project_id"
                        + " where p.slug = '" + slug + "' group by r.idempotency_key")) {
            counts.put((String) row.get("k"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    private static long runId(HttpResponse<String> answer) {
        return Long.parseLong(answer.body().replaceAll("(?s).*\"runId\"\\s*:\\s*(\\d+).*", "$1"));
    }

    private static void record(String figures) throws Exception {
        Files.writeString(
                Path.of("target", "reliability.txt"), figures, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(figures);
    }
}
