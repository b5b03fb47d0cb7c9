package io.regtrack.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
    private final GithubOidc github;
    private final Optional<byte[]> configuredAdminHash;
    private final VerifiedTokens verified;

    TokenService(TokenRepository tokens, AuthConfig config, GithubOidc github) {
        this.tokens = tokens;
        this.github = github;
        this.configuredAdminHash = config.adminToken().filter(t -> !t.isBlank()).map(TokenText::hash);
        this.verified = new VerifiedTokens(config.verifiedTokenTtl());
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

    /**
     * The caller behind a bearer token; 401 when the token is unknown. A token verified in the last
     * moments is not looked up again (see {@link AuthConfig#verifiedTokenTtl()}).
     */
    public Caller authenticate(String presented) {
        if (GithubOidc.looksLikeJwt(presented)) {
            return Caller.of(github.verify(presented));
        }
        byte[] hash = TokenText.hash(presented);
        if (configuredAdminHash.isPresent() && MessageDigest.isEqual(hash, configuredAdminHash.get())) {
            return new Caller(Scope.ADMIN, null, "configured admin token");
        }
        Optional<Caller> known = verified.get(hash);
        if (known.isPresent()) {
            return known.get();
        }
        String lookupId = TokenText.lookupId(presented);
        Optional<Token> stored = lookupId == null
                ? Optional.empty()
                : QuarkusTransaction.joiningExisting().call(() -> tokens.findByLookupId(lookupId));
        if (stored.isEmpty() || !MessageDigest.isEqual(hash, stored.get().secretHash)) {
            throw ProblemException.unauthenticated("The bearer token is not valid");
        }
        Token token = stored.get();
        Caller caller = new Caller(Scope.fromWire(token.scope), token.projectId, token.name);
        verified.put(hash, caller);
        return caller;
    }

    /** Forgets every verified token at once, so that a change to stored tokens applies to the next request. */
    public void forgetVerified() {
        verified.clear();
    }
}
