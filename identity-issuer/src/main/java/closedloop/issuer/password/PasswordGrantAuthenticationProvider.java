package closedloop.issuer.password;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

import java.security.Principal;
import java.util.Set;

/**
 * Grants the password grant: checks that the client may use it and asked only for its scopes, authenticates the user
 * with the issuer's user details and password encoder, and issues an access token through the issuer's token
 * generator (so with the same claims as every other grant), saved as an authorization like the built-in grants'.
 * A wrong username or password is {@code invalid_grant} (400), as RFC 6749 §5.2 asks, and says no more than that.
 */
public class PasswordGrantAuthenticationProvider implements AuthenticationProvider {

    private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

    private final DaoAuthenticationProvider users;
    private final OAuth2AuthorizationService authorizations;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

    /**
     * @param userDetails     the users who may sign in
     * @param passwordEncoder how their passwords are stored
     * @param authorizations  where the issued authorization is kept
     * @param tokens          the issuer's token generator
     */
    public PasswordGrantAuthenticationProvider(UserDetailsService userDetails, PasswordEncoder passwordEncoder,
                                               OAuth2AuthorizationService authorizations,
                                               OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
        this.users = new DaoAuthenticationProvider(userDetails);
        this.users.setPasswordEncoder(passwordEncoder);
        this.authorizations = authorizations;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        PasswordGrantAuthenticationToken grant = (PasswordGrantAuthenticationToken) authentication;
        OAuth2ClientAuthenticationToken clientPrincipal = authenticatedClient(grant);
        RegisteredClient client = clientPrincipal.getRegisteredClient();
        if (!client.getAuthorizationGrantTypes().contains(PasswordGrant.TYPE)) {
            throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "The client may not use the password grant");
        }
        Set<String> scopes = grant.getScopes();
        if (!client.getScopes().containsAll(scopes)) {
            throw error(OAuth2ErrorCodes.INVALID_SCOPE, "The client may not ask for these scopes");
        }
        Authentication user = authenticateUser(grant);

        OAuth2TokenContext context = DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .principal(user)
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(scopes)
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(PasswordGrant.TYPE)
                .authorizationGrant(grant)
                .build();
        OAuth2Token generated = tokens.generate(context);
        if (generated == null) {
            throw error(OAuth2ErrorCodes.SERVER_ERROR, "The token generator failed to generate the access token");
        }
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(), scopes);
        OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(client)
                .principalName(user.getName())
                .authorizationGrantType(PasswordGrant.TYPE)
                .authorizedScopes(scopes)
                .attribute(Principal.class.getName(), user);
        if (generated instanceof ClaimAccessor claims) {
            authorization.token(accessToken,
                    metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims()));
        } else {
            authorization.accessToken(accessToken);
        }
        authorizations.save(authorization.build());
        return new OAuth2AccessTokenAuthenticationToken(client, clientPrincipal, accessToken);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PasswordGrantAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static OAuth2ClientAuthenticationToken authenticatedClient(Authentication grant) {
        if (grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
            return client;
        }
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }

    /** The signed-in user, without their password; any failure (unknown user, wrong password) is one invalid_grant. */
    private Authentication authenticateUser(PasswordGrantAuthenticationToken grant) {
        try {
            Authentication user = users.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(grant.getUsername(), grant.getPassword()));
            if (user instanceof CredentialsContainer credentials) {
                credentials.eraseCredentials();
            }
            return user;
        } catch (AuthenticationException e) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, "Bad credentials");
        }
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, ERROR_URI));
    }
}
