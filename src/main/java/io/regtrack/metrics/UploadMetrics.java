package io.regtrack.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Counts run uploads ({@code POST /api/v1/projects/{slug}/runs}) by the HTTP status answered, times
 * them (a histogram, so latency quantiles can be read across instances), and counts the verdicts
 * and run statuses of every new run. A replay (200) counts as an upload but not again as verdicts.
 * Read at {@code /q/metrics} as {@code regtrack_uploads_total}, {@code regtrack_upload_seconds},
 * {@code regtrack_verdicts_total} and {@code regtrack_runs_judged_total}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100) // before any filter that may refuse the upload
public class UploadMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    static final String UPLOADS = "regtrack.uploads";
    static final String LATENCY = "regtrack.upload";
    static final String VERDICTS = "regtrack.verdicts";
    static final String RUNS = "regtrack.runs.judged";
    private static final Pattern UPLOAD_PATH = Pattern.compile("/?api/v1/projects/[^/]+/runs/?");
    private static final String STARTED = UploadMetrics.class.getName() + ".started";

    private final MeterRegistry registry;

    UploadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isUpload(request)) {
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isUpload(request)) {
            return;
        }
        String status = Integer.toString(response.getStatus());
        Counter.builder(UPLOADS)
                .description("Run uploads, by the HTTP status answered")
                .tag("status", status)
                .register(registry)
                .increment();
        if (request.getProperty(STARTED) instanceof Long started) {
            Timer.builder(LATENCY)
                    .description("Time to answer a run upload, by the HTTP status answered")
                    .tag("status", status)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
        // The answer is the comparison as stored with the run (JSON), the shape the API documents.
        if (response.getStatus() == 201 && response.getEntity() instanceof JsonNode comparison) {
            Counter.builder(RUNS)
                    .description("New runs judged, by run status")
                    .tag("status", comparison.path("status").asText("unknown"))
                    .register(registry)
                    .increment();
            for (JsonNode verdict : comparison.path("verdicts")) {
                Counter.builder(VERDICTS)
                        .description("Verdicts of new runs, by measurement kind and verdict status")
                        .tag("kind", verdict.path("kind").asText("unknown"))
                        .tag("status", verdict.path("status").asText("unknown"))
                        .register(registry)
                        .increment();
            }
        }
    }

    private static boolean isUpload(ContainerRequestContext request) {
        return "POST".equals(request.getMethod())
                && UPLOAD_PATH.matcher(request.getUriInfo().getPath()).matches();
    }
}
