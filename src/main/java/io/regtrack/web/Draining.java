package io.regtrack.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.regtrack.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * From the moment the service is told to stop (SIGTERM), API requests that arrive are answered
 * {@code 503} with {@code Retry-After} and their connection closed, so nothing new starts; the
 * requests already running finish within {@code quarkus.shutdown.timeout} and are answered. Without
 * this, requests that keep coming (a load balancer that has not noticed yet, a client's retry)
 * would be served too, the wait for "no request in flight" would last the whole timeout, and the
 * requests cut off at its end could be stored without their answer reaching the client.
 */
@ApplicationScoped
public class Draining {

    private final ObjectMapper json;
    private volatile boolean stopping;

    Draining(ObjectMapper json) {
        this.json = json;
    }

    void onStop(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::refuseWhenStopping);
    }

    private void refuseWhenStopping(RoutingContext ctx) {
        if (!stopping) {
            ctx.next();
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(Problem.of(
                    503,
                    "stopping",
                    "Service unavailable",
                    "This instance is stopping; nothing was stored. Retry (another instance will answer)",
                    List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a problem", e);
        }
        ctx.response()
                .setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Retry-After", "1")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
