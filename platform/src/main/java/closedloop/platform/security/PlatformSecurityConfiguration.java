package closedloop.platform.security;

import closedloop.platform.web.FilterProblems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import java.time.Clock;
import java.util.Arrays;

/**
 * Every service is an OAuth 2.0 resource server: a request needs a valid access token (Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings name the issuer, its keys and the audience) and the
 * role its service's {@link AccessRules} demand. Health, Prometheus and the API descriptions answer without a token,
 * the rest of the actuator to ADMIN only; an endpoint without a rule answers 403 to everyone. A person's
 * state-changing requests are then counted against the {@link RateLimits}. Stateless: no session, no cookie, so no
 * CSRF token either.
 */
@AutoConfiguration(before = ReactiveOAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties({RateLimitProperties.class, OAuth2ResourceServerProperties.class})
public class PlatformSecurityConfiguration {

    /** Paths every deployment probes or reads without signing in. */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**"};

    @Bean
    @ConditionalOnMissingBean
    AccessRules accessRules() {
        return AccessRules.of();
    }

    @Bean
    @ConditionalOnMissingBean
    TokenAuthentication tokenAuthentication() {
        return new TokenAuthentication();
    }

    /** The decoder of {@link TokenDecoders}, from Boot's resource-server settings. */
    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties) {
        OAuth2ResourceServerProperties.Jwt settings = properties.getJwt();
        return TokenDecoders.forIssuer(settings.getIssuerUri(), settings.getJwkSetUri(), settings.getAudiences());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain closedLoopSecurity(ServerHttpSecurity http, AccessRules rules,
                                              TokenAuthentication tokens, RateLimitProperties limits, Clock clock,
                                              FilterProblems answers) {
        ProblemResponses problems = new ProblemResponses(answers);
        if (limits.enabled()) {
            // not a bean of its own: WebFlux would run every WebFilter bean a second time outside this chain
            http.addFilterAfter(new RateLimits(limits, clock, answers), SecurityWebFiltersOrder.AUTHORIZATION);
        }
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> authorize(exchanges, rules))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    private static void authorize(AuthorizeExchangeSpec exchanges, AccessRules rules) {
        exchanges.pathMatchers(HttpMethod.GET, OPEN_PATHS).permitAll();
        // whatever else an operator exposes of the actuator (env, configprops, loggers …) is for administrators
        exchanges.pathMatchers("/actuator/**").hasRole(Role.ADMIN.name());
        for (AccessRule rule : rules.rules()) {
            AuthorizeExchangeSpec.Access access = exchanges.pathMatchers(rule.method(), rule.pattern());
            if (rule.open()) {
                access.permitAll();
            } else {
                access.hasAnyRole(Arrays.stream(Role.values()).filter(rule::allows).map(Role::name)
                        .toArray(String[]::new));
            }
        }
        exchanges.anyExchange().denyAll();
    }
}
