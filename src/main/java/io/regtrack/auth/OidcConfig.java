package io.regtrack.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Uploads from GitHub Actions with the job's own OIDC identity instead of a stored token. */
@ConfigMapping(prefix = "regtrack.oidc.github")
public interface OidcConfig {

    /**
     * The issuer of GitHub Actions' tokens ({@code REGTRACK_OIDC_GITHUB_ISSUER}); set it empty to
     * refuse every such token. The audience a token must be made for is this server's public URL,
     * {@code regtrack.server.public-url} ({@code REGTRACK_SERVER_PUBLIC_URL}); without it no such
     * token is accepted.
     */
    @WithDefault("https://token.actions.githubusercontent.com")
    Optional<String> issuer();
}
