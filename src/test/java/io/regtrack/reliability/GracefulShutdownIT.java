package io.regtrack.reliability;

import static io.regtrack.testing.ServiceCalls.post;
import static io.regtrack.testing.ServiceCalls.projectWithIngestToken;
import static io.regtrack.testing.ServiceCalls.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.regtrack.testing.ExternalPostgres;
import io.regtrack.testing.Rows;
import io.regtrack.testing.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while uploads are in flight, as a rolling update or a scale-in sends it: the uploads the
 * service was working on finish and are answered, the ones that come after are refused (a 503 or no
 * connection) and leave nothing behind, and no run is stored half. The figures are appended to
 * {@code target/reliability.txt}.
 */
class GracefulShutdownIT {

    private static final int CLIENTS = 8;
    private static final int MEASUREMENTS = 200;
    private static final String ADMIN = "graceful-shutdown-admin-token-of-this-test-only";

    @TempDir
    Path home;

    /** One upload: its key, when it was sent and answered, and the answer (0: none came). */
    private record Sent(String key, long sentAt, long answeredAt, int status) {}

    @Test
    void uploadsInFlightAtSigtermFinishAndTheRestAreRefusedWithNothingHalfWritten() throws Exception {
        try (ExternalPostgres postgres = ExternalPostgres.start()) {
            ExternalPostgres.Database database = postgres.create("shutdown");
            DataSource db = postgres.dataSource(database);
            List<String> options = new ArrayList<>(postgres.serviceOptions(database));
            options.add("-Dregtrack.auth.admin-token=" + ADMIN);
            try (ServiceProcess service = new ServiceProcess(home, options.toArray(String[]::new)).start()) {
                String token = projectWithIngestToken(service, ADMIN, "stopping");
                ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
                AtomicBoolean sending = new AtomicBoolean(true);
                AtomicInteger next = new AtomicInteger();
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> {
                        while (sending.get()) {
                            int n = next.incrementAndGet();
                            String key = "stop-" + n;
                            long sentAt = System.nanoTime();
                            int status = status(post(
                                    service,
                                    token,
                                    "/api/v1/projects/stopping/runs",
                                    Uploads.heavy(n, key, MEASUREMENTS)));
                            sent.add(new Sent(key, sentAt, System.nanoTime(), status));
                        }
                        return null;
                    });
                }
                awaitAcknowledged(sent, 2 * CLIENTS);
                long signalledAt = System.nanoTime();
                ServiceProcess.signal("TERM", service.pid());
                service.stop(); // waits for the JVM to exit
                Duration stopping = Duration.ofNanos(System.nanoTime() - signalledAt);
                Thread.sleep(500);
                sending.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

                Map<String, Long> stored = new TreeMap<>();
                for (Map<String, Object> row : Rows.of(
                        db,
                        "select r.idempotency_key as k, count(m.id) as n from runs r"
                                + " left join measurements m on m.run_id = r.id group by r.idempotency_key")) {
                    stored.put((String) row.get("k"), ((Number) row.get("n")).longValue());
                }
                List<Sent> all = List.copyOf(sent);
                List<Sent> acknowledged =
                        all.stream().filter(s -> s.status() / 100 == 2).toList();
                List<Sent> refused =
                        all.stream().filter(s -> s.status() / 100 != 2).toList();
                List<Sent> inFlight = all.stream()
                        .filter(s -> s.sentAt() < signalledAt && s.answeredAt() > signalledAt)
                        .toList();
                Map<Integer, Long> answers =
                        new TreeMap<>(all.stream().collect(Collectors.groupingBy(Sent::status, Collectors.counting())));
                Map<Integer, Long> inFlightAnswers = new TreeMap<>(
                        inFlight.stream().collect(Collectors.groupingBy(Sent::status, Collectors.counting())));
                long refusedButStored = refused.stream()
                        .filter(s -> stored.containsKey(s.key()))
                        .count();
                String figures = String.format(
                        "SIGTERM during uploads from %d clients (%d measurements each): %d uploads sent, answers %s "
                                + "(0: no connection); %d in flight at the signal, answered %s; %d acknowledged, %d "
                                + "stored, %d refused but stored; the service stopped in %.1f s.%n",
                        CLIENTS,
                        MEASUREMENTS,
                        all.size(),
                        answers,
                        inFlight.size(),
                        inFlightAnswers,
                        acknowledged.size(),
                        stored.size(),
                        refusedButStored,
                        stopping.toMillis() / 1000.0);
                Files.writeString(
                        Path.of("target", "reliability.txt"),
                        figures,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                System.out.print(figures);

                assertThat(answers.keySet())
                        .as("an upload is stored (201), refused as unavailable (503) or never reached the service: "
                                + figures)
                        .allMatch(s -> s == 201 || s == 503 || s == 0);
                assertThat(acknowledged)
                        .as("every acknowledged upload is stored: " + figures)
                        .allSatisfy(s -> assertThat(stored).containsKey(s.key()));
                assertThat(refusedButStored)
                        .as("a refused upload left nothing: " + figures)
                        .isZero();
                assertThat(stored.values())
                        .as("no run is stored without all its measurements")
                        .allMatch(n -> n == MEASUREMENTS);
                assertThat(stored)
                        .as("nothing stored but what was acknowledged")
                        .hasSize(acknowledged.size());
                assertThat(inFlightAnswers.getOrDefault(201, 0L))
                        .as("uploads in flight when the signal came finished: " + figures)
                        .isPositive();
                assertThat(stopping).as("within the 20 s shutdown timeout").isLessThan(Duration.ofSeconds(20));
                assertThat(service.logText()).doesNotContain("ERROR");
            }
        }
    }

    private static void awaitAcknowledged(ConcurrentLinkedQueue<Sent> sent, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (sent.stream().filter(s -> s.status() == 201).count() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("uploads were not acknowledged within 60 s: " + sent.size() + " answered");
    }
}
