package io.regtrack.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * When each token was last used, to the minute. A request never writes it: a token whose stored
 * time is a minute old or more is noted here, and every few seconds the noted tokens are written in
 * one statement of its own short transaction, which skips any written in the last minute by another
 * instance. Uploads never wait on it and never lock a token's row.
 */
@ApplicationScoped
class LastUse {

    static final Duration PRECISION = Duration.ofMinutes(1);
    static final int LIMIT = 10_000;

    private static final Logger LOG = Logger.getLogger(LastUse.class);

    private final Set<Long> noted = ConcurrentHashMap.newKeySet();
    private final TokenRepository tokens;

    LastUse(TokenRepository tokens) {
        this.tokens = tokens;
    }

    /** Notes a use of a token whose stored "last used" is older than a minute (or missing). */
    void note(Token token, Instant now) {
        if ((token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(PRECISION))) && noted.size() < LIMIT) {
            noted.add(token.id);
        }
    }

    @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void write() {
        if (noted.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(noted);
        noted.removeAll(ids);
        try {
            QuarkusTransaction.requiringNew().run(() -> tokens.touch(ids));
        } catch (RuntimeException e) {
            LOG.debugf("tokens' last use not written now: %s", e.getMessage()); // the next use notes them again
        }
    }
}
