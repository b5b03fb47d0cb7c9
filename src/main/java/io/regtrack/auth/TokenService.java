package io.regtrack.auth;

import io.regtrack.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/** Issues tokens (text shown once, hash stored) and turns a presented token into a {@link Caller}. */
@ApplicationScoped
public class TokenService {

    private final TokenRepository tokens;
    private final Optional<byte[]> configuredAdminHash;

    TokenService(TokenRepository tokens, AuthConfig config) {
        this.tokens = tokens;
        this.configuredAdminHash = config.adminToken().filter(t -> !t.isBlank()).map(TokenText::hash);
    }

    /** Stores a new token and returns its text, which is never available again. */
    @Transactional
    public String issue(Long projectId, String name, Scope scope) {
        String text = TokenText.generate();
        Token token = new Token();
        token.projectId = projectId;
        token.name = name;
        token.scope = scope.wire();
        token.lookupId = TokenText.lookupId(text);
        token.secretHash = TokenText.hash(text);
        token.createdAt = Instant.now();
        tokens.persist(token);
        return text;
    }

    /** The caller behind a bearer token; 401 when the token is unknown. */
    @Transactional
    public Caller authenticate(String presented) {
        if (configuredAdminHash.isPresent()
                && MessageDigest.isEqual(TokenText.hash(presented), configuredAdminHash.get())) {
            return new Caller(Scope.ADMIN, null, "configured admin token");
        }
        String lookupId = TokenText.lookupId(presented);
        Optional<Token> stored = lookupId == null ? Optional.empty() : tokens.findByLookupId(lookupId);
        if (stored.isEmpty() || !TokenText.matches(presented, stored.get().secretHash)) {
            throw ProblemException.unauthenticated("The bearer token is not valid");
        }
        Token token = stored.get();
        return new Caller(Scope.fromWire(token.scope), token.projectId, token.name);
    }
}
