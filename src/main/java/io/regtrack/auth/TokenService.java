package io.regtrack.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.regtrack.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * Issues tokens (text shown once, hash stored) and turns a presented token into a {@link Caller}.
 * Every request with a stored token reads its row once, by the unique lookup id, so a revocation or
 * an end applies to the next request on every instance; nothing about a token is kept in memory.
 */
@ApplicationScoped
public class TokenService {

    private final TokenRepository tokens;
    private final GithubOidc github;
    private final Optional<byte[]> configuredAdminHash;
    private final LastUse lastUse;

    TokenService(TokenRepository tokens, AuthConfig config, GithubOidc github, LastUse lastUse) {
        this.tokens = tokens;
        this.github = github;
        this.lastUse = lastUse;
        this.configuredAdminHash = config.adminToken().filter(t -> !t.isBlank()).map(TokenText::hash);
    }

    /** A token just stored, and its text, which is never available again. */
    public record Issued(Token token, String text) {}

    /** Stores a new token that never ends and returns its text. */
    @Transactional
    public String issue(Long projectId, String name, Scope scope) {
        return issue(projectId, name, scope, null).text();
    }

    /** Stores a new token, ending at {@code expiresAt} (null: never). */
    @Transactional
    public Issued issue(Long projectId, String name, Scope scope, Instant expiresAt) {
        String text = TokenText.generate();
        Token token = new Token();
        token.projectId = projectId;
        token.name = name;
        token.scope = scope.wire();
        token.lookupId = TokenText.lookupId(text);
        token.secretHash = TokenText.hash(text);
        token.createdAt = Instant.now();
        token.expiresAt = expiresAt;
        tokens.persist(token);
        return new Issued(token, text);
    }

    /** Whether the operator configured an admin token ({@code REGTRACK_AUTH_ADMIN_TOKEN}), which is not stored. */
    public boolean hasConfiguredAdmin() {
        return configuredAdminHash.isPresent();
    }

    /**
     * The caller behind a bearer token; 401 when the token is unknown, revoked or past its end (the
     * answer says which, never the token).
     */
    public Caller authenticate(String presented) {
        if (GithubOidc.looksLikeJwt(presented)) {
            return Caller.of(github.verify(presented));
        }
        byte[] hash = TokenText.hash(presented);
        if (configuredAdminHash.isPresent() && MessageDigest.isEqual(hash, configuredAdminHash.get())) {
            return new Caller(null, Scope.ADMIN, null, "configured admin token", null);
        }
        String lookupId = TokenText.lookupId(presented);
        Optional<Token> stored = lookupId == null
                ? Optional.empty()
                : QuarkusTransaction.joiningExisting().call(() -> tokens.findByLookupId(lookupId));
        if (stored.isEmpty() || !MessageDigest.isEqual(hash, stored.get().secretHash)) {
            throw ProblemException.unauthenticated("The bearer token is not valid");
        }
        Token token = stored.get();
        Instant now = Instant.now();
        if (token.revokedAt != null) {
            throw ProblemException.unauthenticated(
                    "The bearer token '" + token.name + "' was revoked at " + token.revokedAt);
        }
        if (token.expiresAt != null && !token.expiresAt.isAfter(now)) {
            throw ProblemException.unauthenticated(
                    "The bearer token '" + token.name + "' expired at " + token.expiresAt);
        }
        lastUse.note(token, now);
        return new Caller(token.id, token.scope(), token.projectId, token.name, null);
    }
}
