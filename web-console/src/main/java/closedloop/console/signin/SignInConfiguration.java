package closedloop.console.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Map;

/**
 * How people sign in to the console: the console is an OAuth 2.0 client of the issuer ({@link IssuerConnection}),
 * signing people in with the authorization code flow, PKCE and OpenID Connect. Their tokens stay in their session on
 * the server, which Spring Cloud Gateway's {@code TokenRelay} reads (and refreshes) for every request it routes to a
 * service; the browser holds only the session cookie and the CSRF token's cookie.
 *
 * <ul>
 *     <li>Every page asks for a sign-in: a person who has not signed in is sent to the issuer's login page. The
 *     pages' scripts ({@code /api/**}, {@code /console/**}) and the Swagger UI's ({@code /api-docs/**},
 *     {@code /v3/api-docs/**}) are answered 401 problem+json instead ({@link SignInRequired}), which the pages take
 *     as the sign to load again and so sign in.</li>
 *     <li>Every state-changing request carries a CSRF token ({@link CsrfRefused} otherwise): the token is in the
 *     readable cookie {@code XSRF-TOKEN}, which the scripts send back as the header {@code X-XSRF-TOKEN}
 *     ({@link ScriptCsrfTokenRequestHandler}).</li>
 *     <li>{@code POST /logout} ends the session at the console and, through OpenID Connect RP-initiated logout, at
 *     the issuer, which sends the browser back to the console.</li>
 *     <li>Health, info and Prometheus answer without a sign-in, for the operators' probes.</li>
 * </ul>
 *
 * <p>Web security is enabled here rather than left to Spring Boot's reactive security auto-configuration, which the
 * embedded default excludes for every WebFlux application of its shared classpath.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SignInConfiguration {

    /** The issuer as the console's client registration names it; also the last segment of the redirect URI. */
    static final String REGISTRATION = "closedloop";

    /** Where a browser starts signing in: Spring Security sends it on to the issuer with a fresh PKCE challenge. */
    static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;

    /** A static page saying that the sign-in did not succeed, with a link to try again. */
    static final String SIGN_IN_FAILED = "/sign-in-failed.html";

    /** What the pages' scripts and the Swagger UI fetch: answered 401 rather than sent to sign in. */
    static final String[] SCRIPT_PATHS = {"/api/**", "/console/**", "/api-docs/**", "/v3/api-docs/**"};

    @Bean
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                           ServerOAuth2AuthorizedClientRepository authorizedClients,
                                           SignInRequired signInRequired, CsrfRefused csrfRefused) {
        DefaultServerOAuth2AuthorizationRequestResolver withPkce =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", SIGN_IN_FAILED).permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(withPkce)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(SIGN_IN_FAILED)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint(signInRequired)))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new ScriptCsrfTokenRequestHandler())
                        .accessDeniedHandler(csrfRefused))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .logout(logout -> logout
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(logoutAtTheIssuer(registrations)));
        return http.build();
    }

    /** The issuer as a client registration, from the settings alone: nothing is asked of the issuer at start. */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(IssuerConnection issuer) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("Closed Loop")
                .clientId(issuer.clientId())
                .clientSecret(issuer.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                .issuerUri(issuer.issuer())
                .authorizationUri(issuer.authorizationUri())
                .tokenUri(issuer.tokenUri())
                .jwkSetUri(issuer.jwkSetUri())
                .userInfoUri(issuer.userInfoUri())
                .userNameAttributeName(StandardClaimNames.PREFERRED_USERNAME)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer.endSessionUri()))
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** A person's tokens live in their session, and end with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** What {@code TokenRelay} asks for a person's access token: the one they hold, refreshed when it expires. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /** The pages' scripts are told 401; a browser opening a page is sent to sign in. */
    private static ServerAuthenticationEntryPoint entryPoint(SignInRequired signInRequired) {
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(ServerWebExchangeMatchers.pathMatchers(SCRIPT_PATHS), signInRequired));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN));
        return entryPoint;
    }

    /** The CSRF token in a cookie the scripts can read (not HttpOnly), sent only to this site. */
    private static CookieServerCsrfTokenRepository csrfCookie() {
        CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookiePath("/");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    /**
     * Spring Security makes a CSRF token only when something asks for it; asking on every request sets the cookie
     * with the first page, so that the scripts have it before their first POST.
     */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> exchange.<Mono<CsrfToken>>getAttributeOrDefault(CsrfToken.class.getName(),
                        Mono.empty())
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    /**
     * After the console's session ends, the browser goes to the issuer's end-session endpoint with the ID token as a
     * hint, and from there back to the console's first page; without a sign-in there is nothing to end there.
     */
    private static OidcClientInitiatedServerLogoutSuccessHandler logoutAtTheIssuer(
            ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        handler.setLogoutSuccessUrl(URI.create("/"));
        return handler;
    }
}
