package io.regtrack.comparison;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How verdicts read history ({@code regtrack.verdict.*}); see docs/detection.md. */
@ConfigMapping(prefix = "regtrack.verdict")
public interface VerdictConfig {

    /**
     * Earlier runs of a series read to learn its run-to-run noise, when a runtime has a single value
     * on either side.
     */
    @WithDefault("30")
    int history();
}
