package io.regtrack.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the database answers a query within {@link #LIMIT}. A database that is down answers
 * at once with an error; a frozen one never answers, so the check stops waiting at the limit and
 * reports {@code DOWN}. One probe runs at a time: checks that come while one is still waiting for a
 * frozen database share its answer instead of piling up threads.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final Duration LIMIT = Duration.ofSeconds(3);

    private final DataSource dataSource;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<String> running;

    DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        CompletableFuture<String> probe = probe();
        try {
            String failure = probe.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return failure == null ? up() : down(failure);
        } catch (TimeoutException e) {
            return down("no answer within " + LIMIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return down(e.getCause().getMessage());
        }
    }

    private synchronized CompletableFuture<String> probe() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::query, prober);
        }
        return running;
    }

    /** Null when the database answered, else why not. */
    private String query() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout((int) LIMIT.toSeconds());
            s.execute("select 1");
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static HealthCheckResponse up() {
        return HealthCheckResponse.named("database").up().build();
    }

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named("database")
                .down()
                .withData("reason", why)
                .build();
    }
}
