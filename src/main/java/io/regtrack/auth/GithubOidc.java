package io.regtrack.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.regtrack.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies a GitHub Actions OIDC token: signed by a key of the issuer (found through its discovery
 * document, cached, fetched again for an unknown key id), from the configured issuer, for this
 * server's public URL, within its validity (a minute of clock skew), naming a repository. A
 * refusal says which check failed, never the token.
 */
@ApplicationScoped
public class GithubOidc {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final OidcConfig config;
    private final Optional<String> publicUrl;
    private final ObjectMapper json;
    private volatile DefaultJWTProcessor<SecurityContext> processor;

    GithubOidc(
            OidcConfig config,
            @ConfigProperty(name = "regtrack.server.public-url") Optional<String> publicUrl,
            ObjectMapper json) {
        this.config = config;
        this.publicUrl = publicUrl;
        this.json = json;
    }

    /** Whether a bearer token looks like a JWT (three base64url parts) rather than a regtrack token. */
    static boolean looksLikeJwt(String presented) {
        return presented.startsWith("eyJ")
                && presented.chars().filter(c -> c == '.').count() == 2;
    }

    GithubIdentity verify(String jwt) {
        try {
            JWTClaimsSet claims = processor().process(jwt, null);
            return new GithubIdentity(
                    claims.getStringClaim("repository"),
                    claims.getStringClaim("ref"),
                    claims.getStringClaim("ref_type"));
        } catch (BadJOSEException e) {
            throw refused(e.getMessage());
        } catch (ParseException e) {
            throw refused("it is not a well-formed JWT");
        } catch (JOSEException e) {
            throw refused("its signature could not be checked: " + e.getMessage());
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> p = processor;
        if (p == null) {
            synchronized (this) {
                if (processor == null) {
                    processor = build();
                }
                p = processor;
            }
        }
        return p;
    }

    private DefaultJWTProcessor<SecurityContext> build() {
        String issuer = config.issuer()
                .filter(i -> !i.isBlank())
                .orElseThrow(() ->
                        refused("this server takes no GitHub Actions tokens (regtrack.oidc.github.issuer is empty)"));
        String audience = publicUrl
                .filter(u -> !u.isBlank())
                .orElseThrow(() -> refused(
                        "this server has no public URL to be the token's audience (regtrack.server.public-url)"));
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(jwksUri(issuer)).toURL())
                    .retrying(true)
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException.unavailable("The keys of " + issuer + " could not be read: " + e.getMessage());
        }
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "iat", "exp", "repository", "ref"));
        claims.setMaxClockSkew(60);
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    /** The issuer's key set address, from its discovery document. */
    private String jwksUri(String issuer) throws IOException {
        String discovery = issuer.replaceFirst("/+$", "") + "/.well-known/openid-configuration";
        try {
            HttpResponse<String> answer = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(discovery))
                                    .timeout(TIMEOUT)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode document = json.readTree(answer.body());
            if (answer.statusCode() != 200 || !document.path("jwks_uri").isTextual()) {
                throw new IOException(discovery + " answered " + answer.statusCode() + " without a jwks_uri");
            }
            return document.get("jwks_uri").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static ProblemException refused(String why) {
        return ProblemException.unauthenticated("The GitHub Actions token was refused: " + why);
    }
}
