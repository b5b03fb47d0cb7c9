package io.regtrack.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * First start without a configured admin token: creates one and writes it to a file only this
 * account can read (and, at a terminal, shows it once); never to the log. Its hash is stored, so
 * later starts (of this or any other instance) find it and create nothing.
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
        Path file = AdminTokenFile.resolve(config.adminTokenFile());
        createIfMissing(file).ifPresent(token -> {
            LOG.warnf(
                    "No admin token existed, so one was created and written to %s (readable by this account only). "
                            + "Use it as 'Authorization: Bearer <token>' to create projects and tokens.",
                    file);
            Console terminal = System.console();
            if (terminal != null) { // a person at a terminal sees it once; a log collector never does
                terminal.printf("%n  The admin token, shown only this once: %s%n%n", token);
                terminal.flush();
            }
        });
    }

    /**
     * Creates an admin token unless one that works exists (a revoked or expired one does not count, so
     * a restart hands an operator who lost every admin token a new one); instances starting together
     * create one.
     */
    @Transactional
    public Optional<String> createIfMissing(Path file) {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, LOCK)
                .getSingleResult();
        if (tokens.anyLiveAdmin()) {
            return Optional.empty();
        }
        String token = tokenService.issue(null, "first admin", Scope.ADMIN);
        AdminTokenFile.write(file, token); // before the commit: a token no one can read is never stored
        return Optional.of(token);
    }
}
