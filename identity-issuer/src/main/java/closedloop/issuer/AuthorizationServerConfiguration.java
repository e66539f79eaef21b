package closedloop.issuer;

import closedloop.issuer.account.Accounts;
import closedloop.issuer.client.ClosedLoopClients;
import closedloop.issuer.key.SigningKeyFile;
import closedloop.issuer.password.PasswordGrantAuthenticationConverter;
import closedloop.issuer.password.PasswordGrantAuthenticationProvider;
import closedloop.issuer.password.PublicClientPasswordGrantAuthenticationConverter;
import closedloop.issuer.password.PublicClientPasswordGrantAuthenticationProvider;
import closedloop.issuer.token.ClosedLoopClaims;
import closedloop.issuer.token.ClosedLoopUserInfo;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spring Authorization Server as Closed Loop uses it: the OAuth 2.0 and OpenID Connect endpoints (discovery, JWKS,
 * authorize, token, user info, RP-initiated logout at {@code /connect/logout}) with the password grant as an
 * extension grant while it is enabled; Spring Security's own sign-in page at {@code /login} for everything else; the
 * directory, the clients and the signing key from {@link IssuerSettings}; every token through one generator with
 * the Closed Loop claims.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** The protocol endpoints; a browser that must sign in first is sent to the sign-in page. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, IssuerSettings settings,
                                                     RegisteredClientRepository clients, UserDetailsService users,
                                                     PasswordEncoder passwordEncoder,
                                                     OAuth2AuthorizationService authorizations,
                                                     OAuth2TokenGenerator<?> tokens) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, endpoints -> {
                    endpoints.oidc(oidc -> oidc.userInfoEndpoint(userInfo ->
                            userInfo.userInfoMapper(new ClosedLoopUserInfo())));
                    // always, so that a password grant request answers invalid_client when the grant is off (the
                    // command-line client is then not registered) rather than an empty 401
                    endpoints.clientAuthentication(clientAuthentication -> clientAuthentication
                            .authenticationConverter(new PublicClientPasswordGrantAuthenticationConverter())
                            .authenticationProvider(new PublicClientPasswordGrantAuthenticationProvider(clients)));
                    if (settings.passwordGrantEnabled()) {
                        endpoints.tokenEndpoint(token -> token
                                .accessTokenRequestConverter(new PasswordGrantAuthenticationConverter())
                                .authenticationProvider(new PasswordGrantAuthenticationProvider(users, passwordEncoder,
                                        authorizations, tokens)));
                    }
                })
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browsers()));
        return http.build();
    }

    /** A browser asks for HTML by name; a script's {@code Accept: *}{@code /*} is no reason to show it a sign-in page. */
    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    /** Everything else: Spring Security's sign-in page ({@code /login}, fields {@code username} and {@code password}). */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerSettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.url().toString()).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Accounts accounts(IssuerSettings settings) {
        return new Accounts(settings.users(), Map.of(ClosedLoopClients.WEB_PORTAL, settings.webPortal().account()));
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts, IssuerSettings settings, PasswordEncoder passwordEncoder) {
        return accounts.signIn(settings.demoPassword(), passwordEncoder);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IssuerSettings settings, PasswordEncoder passwordEncoder) {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(settings.accessTokenLifetime())
                .refreshTokenTimeToLive(settings.refreshTokenLifetime())
                .build();
        List<RegisteredClient> clients = new ArrayList<>();
        if (settings.passwordGrantEnabled()) {
            clients.add(ClosedLoopClients.cli(tokens));
        }
        clients.add(ClosedLoopClients.console(settings.console(),
                passwordEncoder.encode(settings.console().secret()), tokens));
        clients.add(ClosedLoopClients.webPortal(passwordEncoder.encode(settings.webPortal().secret()), tokens));
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IssuerSettings settings) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeyFile.loadOrCreate(settings.keyFile())));
    }

    @Bean
    ClosedLoopClaims closedLoopClaims(Accounts accounts, IssuerSettings settings) {
        return new ClosedLoopClaims(accounts, settings.audience());
    }

    /** Every token the issuer makes: signed JWTs with the Closed Loop claims, and opaque refresh tokens. */
    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> jwkSource, ClosedLoopClaims claims) {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
        jwts.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(), new OAuth2RefreshTokenGenerator());
    }
}
