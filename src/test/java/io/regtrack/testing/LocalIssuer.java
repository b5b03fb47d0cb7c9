package io.regtrack.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * An OIDC issuer of our own, as GitHub Actions runs one: a discovery document, a key set whose key
 * can be rotated, and tokens signed with its key. Started for a test class as a Quarkus test
 * resource, which points regtrack at it.
 */
public class LocalIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String AUDIENCE = "https://regtrack.example";
    /** The repository and ref of the job that {@code /token} hands a token to. */
    public static final String JOB_REPOSITORY = "acme/sumloop";

    public static final String JOB_REF = "refs/heads/main";

    private static HttpServer server;
    private static volatile RSAKey key;

    @Override
    public Map<String, String> start() {
        try {
            key = newKey();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(
                    "/.well-known/openid-configuration",
                    exchange ->
                            answer(exchange, "{\"issuer\": \"" + url() + "\", \"jwks_uri\": \"" + url() + "/jwks\"}"));
            server.createContext("/jwks", exchange -> answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
            // As a GitHub Actions runner hands a job its token: for the audience asked, with a request token.
            server.createContext("/token", exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                String audience = java.net.URLDecoder.decode(
                        query.replaceFirst(".*audience=([^&]*).*", "$1"), StandardCharsets.UTF_8);
                if (!"Bearer request-token"
                        .equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                try {
                    answer(
                            exchange,
                            "{\"value\": \""
                                    + sign(claims(JOB_REPOSITORY, JOB_REF)
                                            .audience(audience)
                                            .build()) + "\"}");
                } catch (JOSEException e) {
                    throw new IOException(e);
                }
            });
            server.start();
            return Map.of("regtrack.oidc.github.issuer", url(), "regtrack.server.public-url", AUDIENCE);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new signing key with a new key id; tokens signed before no longer verify. */
    public static void rotate() throws JOSEException {
        key = newKey();
    }

    /** The claims GitHub Actions puts in a job's token, for this repository and ref. */
    public static JWTClaimsSet.Builder claims(String repository, String ref) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(url())
                .audience(AUDIENCE)
                .subject("repo:" + repository + ":ref:" + ref)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("repository", repository)
                .claim("ref", ref)
                .claim("ref_type", ref.startsWith("refs/tags/") ? "tag" : "branch");
    }

    public static String sign(JWTClaimsSet claims) throws JOSEException {
        return sign(claims, key);
    }

    /** Signed with another key under the issuer's key id: a forgery. */
    public static String forge(JWTClaimsSet claims) throws JOSEException {
        return sign(claims, new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate());
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(with.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    private static RSAKey newKey() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
