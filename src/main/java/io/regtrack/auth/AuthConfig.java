package io.regtrack.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "regtrack.auth")
public interface AuthConfig {

    /**
     * An admin token given by the operator ({@code REGTRACK_AUTH_ADMIN_TOKEN}). When set, no admin
     * token is generated at first start. Any text of 32 characters or more.
     */
    Optional<String> adminToken();

    /**
     * Where the admin token generated at first start is written, readable by this account only
     * ({@code REGTRACK_AUTH_ADMIN_TOKEN_FILE}). The token never goes to the log.
     */
    @WithDefault("~/.regtrack/admin-token")
    String adminTokenFile();

    /**
     * How long a token verified against the database is trusted without asking it again
     * ({@code REGTRACK_AUTH_VERIFIED_TOKEN_TTL}, default 2 s; 0 asks every time). Unknown tokens are
     * never remembered. Several instances on one database: a change to a stored token reaches every
     * instance within this time.
     */
    @WithDefault("2S")
    Duration verifiedTokenTtl();
}
