package io.regtrack.auth;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "regtrack.auth")
public interface AuthConfig {

    /**
     * An admin token given by the operator ({@code REGTRACK_AUTH_ADMIN_TOKEN}). When set, no admin
     * token is generated at first start. Any text of 32 characters or more.
     */
    Optional<String> adminToken();
}
