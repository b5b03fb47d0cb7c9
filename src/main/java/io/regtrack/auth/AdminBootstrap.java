package io.regtrack.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * First start without a configured admin token: creates one and prints it once. Its hash is
 * stored, so later starts (of this or any other instance) find it and print nothing.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final long LOCK = 0x7265677472616b31L;

    private final TokenRepository tokens;
    private final TokenService tokenService;
    private final AuthConfig config;
    private final EntityManager entityManager;

    AdminBootstrap(TokenRepository tokens, TokenService tokenService, AuthConfig config, EntityManager entityManager) {
        this.tokens = tokens;
        this.tokenService = tokenService;
        this.config = config;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.adminToken().filter(t -> !t.isBlank()).isPresent()) {
            return;
        }
        createIfMissing()
                .ifPresent(token -> LOG.warnf(
                        "%n%n  No admin token existed, so one was created. It is shown only this once:%n%n"
                                + "    %s%n%n  Keep it secret; use it as 'Authorization: Bearer <token>' to create projects and tokens.%n",
                        token));
    }

    /** Creates the first admin token unless one exists; instances starting together create one. */
    @Transactional
    public Optional<String> createIfMissing() {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, LOCK)
                .getSingleResult();
        if (tokens.anyAdmin()) {
            return Optional.empty();
        }
        return Optional.of(tokenService.issue(null, "first admin", Scope.ADMIN));
    }
}
