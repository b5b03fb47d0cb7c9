package io.regtrack.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "regtrack.webhooks")
public interface WebhookConfig {

    /**
     * Whether webhooks may point at loopback, private and link-local addresses
     * ({@code REGTRACK_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES}).
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Attempts before a delivery is given up as failed. */
    @WithDefault("8")
    int attempts();

    /** The wait after the first failed attempt; it doubles after each, up to an hour. */
    @WithDefault("2S")
    Duration firstRetry();
}
