package io.regtrack.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
}
