package io.regtrack.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "regtrack.metrics")
public interface MetricsConfig {

    /**
     * How old the alert counts of {@code regtrack_alerts} may be before a scrape counts again
     * ({@code REGTRACK_METRICS_ALERT_COUNT_INTERVAL}); each count is one query.
     */
    @WithDefault("15S")
    Duration alertCountInterval();
}
