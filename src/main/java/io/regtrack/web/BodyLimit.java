package io.regtrack.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body declared larger than 5 MiB with a problem+json 413 before reading it. (A chunked
 * body that grows past the limit is cut off by the HTTP server's own limit, also with a 413.)
 */
@ApplicationScoped
public class BodyLimit {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final String PROBLEM =
            "{\"type\":\"urn:regtrack:problem:too-large\",\"title\":\"Payload too large\","
                    + "\"status\":413,\"detail\":\"The body is over 5 MiB; split the run or drop raw samples\"}";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length)) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(PROBLEM)
                        .onComplete(done -> ctx.request().connection().close());
                return;
            }
            ctx.next();
        });
    }

    private static boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
