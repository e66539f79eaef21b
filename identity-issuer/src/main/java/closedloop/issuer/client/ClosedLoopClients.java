package closedloop.issuer.client;

import closedloop.issuer.password.PasswordGrant;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients registered at the issuer, one factory method each: the command line's (public, password grant), the
 * web console's (confidential, authorization code with PKCE and refresh tokens, OpenID Connect) and the web portal's
 * (confidential, client credentials). Secrets arrive encoded.
 */
public final class ClosedLoopClients {

    /** The command line and the README's curl walk-through: a public client of the password grant. */
    public static final String CLI = "closedloop-cli";

    /** The web console, which signs people in. */
    public static final String CONSOLE = "closedloop-console";

    /** The web portal, which registers ONLINE complaints. */
    public static final String WEB_PORTAL = "closedloop-web-portal";

    private ClosedLoopClients() {
    }

    /** The public client that gets a demo user's token with their username and password in one request. */
    public static RegisteredClient cli(TokenSettings tokens) {
        return RegisteredClient.withId(CLI)
                .clientId(CLI)
                .clientName("Closed Loop command line")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(PasswordGrant.TYPE)
                .tokenSettings(tokens)
                .build();
    }

    /** The console: signs people in with the authorization code flow, PKCE required, no consent screen. */
    public static RegisteredClient console(ConsoleClient console, String encodedSecret, TokenSettings tokens) {
        return RegisteredClient.withId(CONSOLE)
                .clientId(CONSOLE)
                .clientName("Closed Loop console")
                .clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(console.redirectUri())
                .postLogoutRedirectUri(console.postLogoutRedirectUri())
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
    }

    /** The web portal: gets its own tokens with its client's credentials. */
    public static RegisteredClient webPortal(String encodedSecret, TokenSettings tokens) {
        return RegisteredClient.withId(WEB_PORTAL)
                .clientId(WEB_PORTAL)
                .clientName("Closed Loop web portal")
                .clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(tokens)
                .build();
    }
}
