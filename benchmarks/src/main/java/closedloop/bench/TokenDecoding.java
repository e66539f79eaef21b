package closedloop.bench;

import closedloop.platform.security.TokenAuthentication;
import closedloop.platform.security.TokenDecoders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Token validation alone, in the benchmark's JVM: the decoder every service builds from its settings (issuer-uri,
 * jwk-set-uri, audience {@code closedloop}), {@link TokenDecoders}: a {@code NimbusReactiveJwtDecoder} that checks the
 * RS256 signature against the issuer's key set (cached, fetched again at a limited rate), {@code iss},
 * {@code exp}/{@code nbf} and {@code aud}; then the platform's {@link TokenAuthentication}, which turns the token into
 * the caller as in every service. Nothing else of a service runs here.
 */
final class TokenDecoding implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ReactiveJwtDecoder decoder;
    private final TokenAuthentication authentication = new TokenAuthentication();

    private TokenDecoding(ReactiveJwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** The decoder as every service has it, for the tokens of this issuer. */
    static TokenDecoding asTheServicesHaveIt(String issuerUri, String jwkSetUri) {
        return new TokenDecoding(TokenDecoders.forIssuer(issuerUri, jwkSetUri, List.of(IssuerJvm.AUDIENCE)));
    }

    /** Validates the token once and returns how long it took; fails when it is not accepted or refused as expected. */
    long timeOnce(String token, boolean accepted) {
        long started = System.nanoTime();
        boolean wasAccepted = validate(token);
        long took = System.nanoTime() - started;
        if (wasAccepted != accepted) {
            throw new IllegalStateException("The token was " + (wasAccepted ? "accepted" : "refused")
                    + ", not " + (accepted ? "accepted" : "refused"));
        }
        return took;
    }

    /** Validates the token {@code times} times, one after the other; the time of each in nanoseconds. */
    Percentiles time(String token, int times, boolean accepted) {
        List<Long> nanos = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            nanos.add(timeOnce(token, accepted));
        }
        return Percentiles.of(nanos);
    }

    private boolean validate(String token) {
        try {
            Jwt jwt = decoder.decode(token).block(PATIENCE);
            AbstractAuthenticationToken caller = authentication.convert(jwt).block(PATIENCE);
            return caller != null && caller.isAuthenticated();
        } catch (JwtException refused) {
            return false;
        }
    }

    @Override
    public void close() {
        // nothing to release: the decoder holds no threads of its own
    }
}
