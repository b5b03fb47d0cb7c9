package io.regtrack.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.regtrack.alert.AlertRepository;
import io.regtrack.alert.AlertStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * How many alerts are in each triage status, over all projects: {@code regtrack_alerts{status}}.
 * Counted in the database at most once per {@link MetricsConfig#alertCountInterval()} (every
 * instance reports the same shared numbers, so a dashboard takes the max, not the sum); while the
 * database cannot be read, the last counts stay.
 */
@ApplicationScoped
public class AlertMetrics {

    static final String ALERTS = "regtrack.alerts";
    private static final Logger LOG = Logger.getLogger(AlertMetrics.class);

    private final AlertRepository alerts;
    private final Duration interval;
    private volatile Map<String, Long> counts = Map.of();
    private volatile long countedAt = Long.MIN_VALUE;

    AlertMetrics(AlertRepository alerts, MetricsConfig config) {
        this.alerts = alerts;
        this.interval = config.alertCountInterval();
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (AlertStatus status : AlertStatus.values()) {
            Gauge.builder(ALERTS, this, m -> m.count(status.wire()))
                    .description("Alerts of all projects, by triage status")
                    .tag("status", status.wire())
                    .register(registry);
        }
    }

    double count(String status) {
        return counts().getOrDefault(status, 0L);
    }

    private synchronized Map<String, Long> counts() {
        long now = System.nanoTime();
        if (countedAt == Long.MIN_VALUE || now - countedAt >= interval.toNanos()) {
            try {
                counts = QuarkusTransaction.requiringNew().call(alerts::countByStatus);
            } catch (RuntimeException e) {
                LOG.debugf("Alert counts not refreshed: %s", e.getMessage());
            }
            countedAt = now;
        }
        return counts;
    }
}
