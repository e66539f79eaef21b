package closedloop.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The decoder the benchmark times is the services' own, with what they check: signature, issuer, time and audience;
 * it fetches the key set once, and for key ids it does not hold again at a limited rate only. A small HTTP server in
 * this JVM serves the key set.
 */
class TokenDecodingIntegrationTests {

    private final RSAKey key = generate();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer jwks;
    private String issuer;

    @BeforeEach
    void serveTheKeySet() throws Exception {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/oauth2/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        issuer = "http://127.0.0.1:" + jwks.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void acceptsTheIssuersTokenAndFetchesTheKeySetOnce() {
        try (TokenDecoding decoding = TokenDecoding.asTheServicesHaveIt(issuer, issuer + "/oauth2/jwks")) {
            Percentiles timed = decoding.time(token(issuer, "closedloop", key), 50, true);

            assertThat(timed.count()).isEqualTo(50);
            assertThat(timed.p50()).isPositive();
            assertThat(fetches.get()).isEqualTo(1);
        }
    }

    @Test
    void refusesAnAlteredSignatureAnotherIssuerAndAnotherAudienceAsTheServicesDo() {
        try (TokenDecoding decoding = TokenDecoding.asTheServicesHaveIt(issuer, issuer + "/oauth2/jwks")) {
            decoding.timeOnce(Tokens.withAlteredSignature(token(issuer, "closedloop", key)), false);
            decoding.timeOnce(token("http://elsewhere:9000", "closedloop", key), false);
            decoding.timeOnce(token(issuer, "another-audience", key), false);

            assertThatIllegalStateException()
                    .isThrownBy(() -> decoding.timeOnce(token(issuer, "another-audience", key), true))
                    .withMessage("The token was refused, not accepted");
        }
    }

    @Test
    void fetchesTheKeySetAtALimitedRateHoweverManyTokensOfAKeyIdItDoesNotHoldArrive() {
        try (TokenDecoding decoding = TokenDecoding.asTheServicesHaveIt(issuer, issuer + "/oauth2/jwks")) {
            decoding.timeOnce(token(issuer, "closedloop", key), true);
            String unknown = Tokens.signedByAnotherKey(token(issuer, "closedloop", key));

            decoding.time(unknown, 20, false);

            // Nimbus' rate limit: at most two fetches in 30 s
            assertThat(fetches.get()).isBetween(1, 3);
        }
    }

    private static String token(String issuer, String audience, RSAKey key) {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(issuer).subject("agent-017").audience(audience)
                            .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(3600)))
                            .claim("preferred_username", "agent-017").claim("roles", List.of("AGENT")).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
