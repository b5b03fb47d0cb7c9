package io.regtrack.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.regtrack.testing.ServiceProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service on its embedded PostgreSQL, under the faults an operator meets: the
 * service killed, a database backend killed, the database killed, the database frozen. What was
 * acknowledged is stored afterwards; nothing needs a person to recover. The figures of the load
 * test are written to {@code target/reliability.txt}.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 16;

    @TempDir
    Path home;

    @Test
    void aKilledServiceStartsAgainAtTheFirstTryAndKeepsItsData() throws Exception {
        try (ServiceProcess service = new ServiceProcess(home).start()) {
            String admin = service.adminToken();
            assertThat(service.logText()).doesNotContain(admin);
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(service.home().resolve("admin-token"))))
                    .isEqualTo("rw-------");
            String ingest = projectWithIngestToken(service, admin, "killed");
            assertThat(upload(service, ingest, "killed", 1, "before-kill")).isEqualTo(201);
            long postmaster = service.postmasterPid();

            service.kill();
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                    .as("the database outlives a killed service")
                    .contains(true);

            service.start();
            assertThat(service.starts()).isEqualTo(2);
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(service.postmasters()).hasSize(1);
            assertThat(upload(service, ingest, "killed", 1, "before-kill"))
                    .as("the acknowledged run is there: its replay is answered from storage")
                    .isEqualTo(200);
            assertThat(service.logText()).doesNotContain(admin);
        }
    }

    @Test
    void everyAcknowledgedUploadSurvivesKilledBackendsAndAKilledDatabase() throws Exception {
        try (ServiceProcess service = new ServiceProcess(home).start()) {
            String admin = service.adminToken();
            String ingest = projectWithIngestToken(service, admin, "faults");
            Map<Integer, Integer> answers = new ConcurrentHashMap<>();
            Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        int n = next.incrementAndGet();
                        int status = upload(service, ingest, "faults", n, "key-" + n);
                        answers.merge(status, 1, Integer::sum);
                        if (status == 201 || status == 200) {
                            acknowledged.put(n, status);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(3_000);
            long postmaster = service.postmasterPid();
            List<ProcessHandle> backends = clientBackends(postmaster);
            assertThat(backends)
                    .as(
                            "client backends serving the uploads; answers so far %s; children %s",
                            answers, titles(postmaster))
                    .isNotEmpty();
            ServiceProcess.signal("KILL", backends.get(0).pid());
            Thread.sleep(4_000);
            ServiceProcess.signal("KILL", service.postmasterPid());
            awaitUploadsAccepted(service, acknowledged, Duration.ofSeconds(90));
            Thread.sleep(3_000);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            int lost = 0;
            for (int n : acknowledged.keySet()) {
                int replay = upload(service, ingest, "faults", n, "key-" + n);
                if (replay != 200) {
                    lost++;
                }
            }
            String figures = String.format(
                    "Embedded PostgreSQL, %d clients, one backend and then the postmaster killed (kill -9) during "
                            + "uploads: %d uploads sent, answers %s, %d acknowledged, %d stored, %d lost.%n",
                    CLIENTS,
                    next.get(),
                    new java.util.TreeMap<>(answers),
                    acknowledged.size(),
                    acknowledged.size() - lost,
                    lost);
            Files.writeString(
                    Path.of("target", "reliability.txt"),
                    figures,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            System.out.print(figures);
            assertThat(lost).as(figures).isZero();
            assertThat(answers.keySet())
                    .as("every answer is an acknowledgement or a retryable 503, never a 500: " + answers)
                    .allMatch(s -> s == 201 || s == 200 || s == 503 || s == 0);
            assertThat(answers.getOrDefault(503, 0)).as("the faults were felt").isPositive();
            assertThat(service.postmasters()).hasSize(1);
        }
    }

    @Test
    void aFrozenDatabaseIsAFast503AndNotReadyAndAllRecoversWhenItThaws() throws Exception {
        try (ServiceProcess service = new ServiceProcess(home).start()) {
            String admin = service.adminToken();
            String ingest = projectWithIngestToken(service, admin, "frozen");
            long postmaster = service.postmasterPid();
            List<Long> frozen = new ArrayList<>(List.of(postmaster));
            ProcessHandle.of(postmaster).orElseThrow().children().forEach(p -> frozen.add(p.pid()));
            ServiceProcess.signal(
                    "STOP", frozen.stream().mapToLong(Long::longValue).toArray());
            try {
                long started = System.nanoTime();
                HttpResponse<String> call = service.send(authorized(service, admin, "/api/v1/projects/frozen"))
                        .orElseThrow();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(call.statusCode()).isEqualTo(503);
                assertThat(call.headers().firstValue("Content-Type")).contains("application/problem+json");
                assertThat(call.headers().firstValue("Retry-After")).isPresent();
                assertThat(took).isLessThan(Duration.ofSeconds(10));

                started = System.nanoTime();
                HttpResponse<String> ready = service.get("/q/health/ready").orElseThrow();
                took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("DOWN");
                assertThat(took).isLessThan(Duration.ofSeconds(10));
                assertThat(service.get("/q/health/live").orElseThrow().statusCode())
                        .isEqualTo(200);
            } finally {
                ServiceProcess.signal(
                        "CONT", frozen.stream().mapToLong(Long::longValue).toArray());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && status != 201) {
                status = upload(service, ingest, "frozen", 1, "after-thaw");
                Thread.sleep(200);
            }
            assertThat(status)
                    .as("uploads are accepted again once the database thaws")
                    .isEqualTo(201);
            assertThat(service.get("/q/health/ready").orElseThrow().statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aConnectionThatStallsInsideARequestIsClosed() throws Exception {
        try (ServiceProcess service = new ServiceProcess(home, "-Dquarkus.http.idle-timeout=2S").start();
                Socket socket = new Socket("127.0.0.1", service.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /q/health HTTP/1.1\r\nHost: localhost\r\nX-Partial: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(20_000);
            InputStream in = socket.getInputStream();
            long started = System.nanoTime();
            int read = in.read();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(read).as("the server closed the stalled connection").isEqualTo(-1);
            assertThat(took).isLessThan(Duration.ofSeconds(15));
        }
    }

    private static void awaitUploadsAccepted(ServiceProcess service, Map<Integer, Integer> acknowledged, Duration limit)
            throws InterruptedException {
        int before = acknowledged.size();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (acknowledged.size() > before + CLIENTS) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("uploads were not accepted again within " + limit.toSeconds() + " s");
    }

    /** Backends serving the service: PostgreSQL titles them "postgres: postgres regtrack …". */
    private static List<ProcessHandle> clientBackends(long postmaster) {
        return ProcessHandle.of(postmaster)
                .orElseThrow()
                .children()
                .filter(p -> ServiceProcess.title(p.pid()).contains("postgres regtrack"))
                .toList();
    }

    private static List<String> titles(long postmaster) {
        return ProcessHandle.of(postmaster)
                .orElseThrow()
                .children()
                .map(p -> p.pid() + " " + ServiceProcess.title(p.pid()))
                .toList();
    }

    private static String projectWithIngestToken(ServiceProcess service, String admin, String slug) {
        HttpResponse<String> created = service.send(json(
                        service, admin, "/api/v1/projects", "{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\"}"))
                .orElseThrow();
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> token = service.send(json(
                        service,
                        admin,
                        "/api/v1/projects/" + slug + "/tokens",
                        "{\"name\":\"ci\",\"scope\":\"ingest\"}"))
                .orElseThrow();
        assertThat(token.statusCode()).isEqualTo(201);
        return token.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** Posts run {@code n}; the status, or 0 when no answer came (connection refused or reset). */
    private static int upload(ServiceProcess service, String token, String slug, int n, String key) {
        String body = String.format(
                "{\"commit\":\"%040x\",\"branch\":\"main\",\"committedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"idempotencyKey\":\"%s\",\"measurements\":["
                        + "{\"kind\":\"size\",\"name\":\"app\",\"value\":%d},"
                        + "{\"kind\":\"size\",\"name\":\"cli\",\"value\":%d},"
                        + "{\"kind\":\"runtime\",\"name\":\"start\",\"samples\":[0.1,0.11,0.1,0.12,0.1]}]}",
                n, key, 300_000 + n, 100_000 + n);
        return service.send(json(service, token, "/api/v1/projects/" + slug + "/runs", body))
                .map(HttpResponse::statusCode)
                .orElse(0);
    }

    private static HttpRequest json(ServiceProcess service, String token, String path, String body) {
        return HttpRequest.newBuilder(URI.create(service.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpRequest authorized(ServiceProcess service, String token, String path) {
        return HttpRequest.newBuilder(URI.create(service.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }
}
