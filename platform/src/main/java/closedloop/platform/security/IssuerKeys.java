package closedloop.platform.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URL;
import java.util.List;
import java.util.function.Function;

/**
 * The issuer's public keys, as the services' token decoder looks them up: Nimbus' {@link JWKSourceBuilder} with its
 * cache (5 minutes), its rate limit on fetching (at most two fetches in 30 seconds) and its outage tolerance (the last
 * keys fetched stay in use while the issuer cannot be reached). Spring Security's own reactive key source fetches the
 * key set again for every token whose key id it does not hold, with no limit: anyone who can reach a service could
 * make it call the issuer once per request. Here such a token is refused (401) without a fetch once the limit is
 * reached; a key the issuer has just rotated in is still fetched. Fetching is blocking HTTP, so it runs on the
 * bounded-elastic scheduler.
 */
final class IssuerKeys implements Function<SignedJWT, Flux<JWK>> {

    /** Connect and read timeouts of a fetch, in milliseconds, and the largest key set read, in bytes. */
    private static final int TIMEOUT_MILLIS = 2_000;
    private static final int SIZE_LIMIT = 50 * 1024;

    private final JWKSource<SecurityContext> source;

    IssuerKeys(URL jwkSetUri) {
        this.source = JWKSourceBuilder.<SecurityContext>create(jwkSetUri,
                        new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT))
                .outageTolerant(true)
                .build();
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(jwt.getHeader());
        if (matcher == null) {
            return Flux.empty();
        }
        JWKSelector selector = new JWKSelector(matcher);
        return Mono.fromCallable(() -> keys(selector)).subscribeOn(Schedulers.boundedElastic())
                .flatMapIterable(keys -> keys);
    }

    private List<JWK> keys(JWKSelector selector) {
        try {
            return source.get(selector, null);
        } catch (RateLimitReachedException fetchedJustNow) {
            return List.of();
        } catch (KeySourceException unreachable) {
            throw new JwtException("The issuer's keys could not be fetched: " + unreachable.getMessage(), unreachable);
        }
    }
}
