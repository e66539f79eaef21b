package closedloop.bench;

import closedloop.platform.security.TokenAuthentication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.web.reactive.context.AnnotationConfigReactiveWebApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Token validation alone, in the benchmark's JVM: the {@link ReactiveJwtDecoder} that Spring Boot's own
 * resource-server auto-configuration builds from the settings every service has (issuer-uri, jwk-set-uri, audience
 * {@code closedloop}): a {@code NimbusReactiveJwtDecoder} that fetches the issuer's JWKS and checks the RS256
 * signature, {@code iss}, {@code exp}/{@code nbf} and {@code aud}; then the platform's {@link TokenAuthentication},
 * which turns the token into the caller as in every service. Nothing else of a service runs here.
 */
final class TokenDecoding implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final AnnotationConfigReactiveWebApplicationContext context;
    private final ReactiveJwtDecoder decoder;
    private final TokenAuthentication authentication = new TokenAuthentication();

    private TokenDecoding(AnnotationConfigReactiveWebApplicationContext context) {
        this.context = context;
        this.decoder = context.getBean(ReactiveJwtDecoder.class);
    }

    /** The decoder as Spring Boot builds it for a service that takes the tokens of this issuer. */
    static TokenDecoding asTheServicesHaveIt(String issuerUri, String jwkSetUri) {
        AnnotationConfigReactiveWebApplicationContext context = new AnnotationConfigReactiveWebApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri,
                "spring.security.oauth2.resourceserver.jwt.audiences", IssuerJvm.AUDIENCE)));
        context.register(ResourceServerOnly.class);
        context.refresh();
        return new TokenDecoding(context);
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
        context.close();
    }

    /** Spring Boot's reactive resource server, and nothing else. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ReactiveSecurityAutoConfiguration.class,
            ReactiveOAuth2ResourceServerAutoConfiguration.class})
    static class ResourceServerOnly {
    }
}
