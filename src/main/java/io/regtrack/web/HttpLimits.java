package io.regtrack.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * Refusals decided from the request line and headers, before any body is read, each answered as
 * problem+json: an address over {@value #MAX_URI_CHARS} characters ({@code 414}), a body declared
 * larger than {@value #MAX_MIB} MiB ({@code 413}), a declared length that is not a length ({@code 400}), a body
 * without a {@code Content-Type} ({@code 415}). A chunked body is collected up to the limit and
 * refused with a {@code 413} problem as soon as it passes it.
 *
 * <p>What the HTTP codec itself cannot parse (a length past 2^63, a request line over 64 KiB,
 * headers over 20 KiB) it refuses with the status alone, before any handler runs.
 */
@ApplicationScoped
public class HttpLimits {

    /** The largest body accepted, in MiB: the one place this limit is set. */
    public static final int MAX_MIB = 5;

    public static final long MAX_BYTES = MAX_MIB * 1024L * 1024;
    static final int MAX_URI_CHARS = 8192;
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ObjectMapper json;

    HttpLimits(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        BodyHandler collector =
                BodyHandler.create(false).setBodyLimit(MAX_BYTES).setHandleFileUploads(false);
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (isChunked(ctx)) {
                collector.handle(ctx); // collected up to the limit; a 413 fails the request below
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                tooLarge(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private void check(RoutingContext ctx) {
        var request = ctx.request();
        if (request.uri().length() > MAX_URI_CHARS) {
            refuse(ctx, 414, "uri-too-long", "URI too long", "The address is over " + MAX_URI_CHARS + " characters");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared = 0;
        if (length != null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                refuse(ctx, 400, "bad-request", "Bad request", "Content-Length must be a number of bytes");
                return;
            }
            if (declared > MAX_BYTES) {
                tooLarge(ctx);
                return;
            }
        }
        boolean hasBody = declared > 0 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (hasBody && WITH_BODY.contains(request.method()) && request.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            refuse(ctx, 415, "unsupported-media-type", "Unsupported Media Type", "Send the body as application/json");
            return;
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx) {
        refuse(
                ctx,
                413,
                "too-large",
                "Payload too large",
                "The body is over " + MAX_MIB + " MiB; split the run or drop raw samples");
    }

    /** An HTTP/1.1 body of unknown length, whose size is known only once it has arrived. */
    private static boolean isChunked(RoutingContext ctx) {
        return ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2
                && ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** Answers and closes the connection: a body that may still be on its way is not read. */
    private void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(Problem.of(status, type, title, detail, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a problem", e);
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body)
                .onComplete(done -> ctx.request().connection().close());
    }
}
