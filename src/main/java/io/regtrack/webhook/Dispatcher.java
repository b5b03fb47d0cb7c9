package io.regtrack.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, every second, outside any upload: each is leased in its own short
 * transaction (so several instances never send one at once), sent with a timeout, and its answer
 * recorded; a failure is tried again after a wait that doubles, until the attempts run out.
 */
@ApplicationScoped
class Dispatcher {

    static final int BATCH = 20;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A delivery not answered for within this long (the sender stopped) is taken again. */
    static final int LEASE_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final WebhookRepository webhooks;
    private final WebhookConfig config;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Dispatcher(WebhookRepository webhooks, WebhookConfig config) {
        this.webhooks = webhooks;
        this.config = config;
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        List<WebhookRepository.Due> due;
        try {
            due = QuarkusTransaction.requiringNew().call(() -> webhooks.claim(BATCH, LEASE_SECONDS));
        } catch (RuntimeException e) {
            LOG.debugf("webhook deliveries not read now: %s", e.getMessage());
            return; // the database is away; the next tick tries again
        }
        due.forEach(this::send);
    }

    private void send(WebhookRepository.Due d) {
        Integer status = null;
        String error = null;
        Optional<String> refused = Targets.refusal(d.target().url(), config.allowPrivateAddresses());
        if (refused.isPresent()) {
            error = "not sent: the address " + refused.get();
        } else {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                URI.create(d.target().url()))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "regtrack-webhooks")
                        .header("X-Regtrack-Event", d.event())
                        .header("X-Regtrack-Delivery", d.deliveryId().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(d.body()));
                if (d.target().secret() != null) {
                    request.header(Signature.HEADER, Signature.of(d.target().secret(), d.body()));
                }
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException | IllegalArgumentException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // leased: sent again when the lease runs out
            }
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        Instant next = delivered || refused.isPresent() || d.attempts() >= config.attempts()
                ? null
                : Instant.now().plus(backoff(d.attempts()));
        Integer answeredStatus = status;
        String answeredError = error;
        QuarkusTransaction.requiringNew()
                .run(() -> webhooks.answered(d.id(), delivered, answeredStatus, answeredError, next));
    }

    /** The wait after the n-th failed attempt: the first retry's, doubled each time, at most an hour. */
    private Duration backoff(int attempts) {
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(20, attempts - 1));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
