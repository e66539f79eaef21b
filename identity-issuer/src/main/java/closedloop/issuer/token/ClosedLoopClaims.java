package closedloop.issuer.token;

import closedloop.issuer.account.Account;
import closedloop.issuer.account.Accounts;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;
import java.util.Optional;

/**
 * Puts the Closed Loop claims into every access token and ID token the issuer signs: {@code preferred_username},
 * {@code roles} and {@code branches} (an array, empty when none) of the account the token speaks for, a member of
 * staff by the name they signed in with or, for the client credentials grant, the client's integration account. An
 * access token's audience is the one every service checks ({@code closedloop}); an ID token keeps its client as
 * audience, as OpenID Connect requires. A token for nobody in the directory is refused rather than issued without
 * roles.
 */
public class ClosedLoopClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Accounts accounts;
    private final String audience;

    /**
     * @param accounts the directory
     * @param audience the audience of every access token, e.g. {@code closedloop}
     */
    public ClosedLoopClaims(Accounts accounts, String audience) {
        this.accounts = accounts;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        Account account = accountOf(context).orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                OAuth2ErrorCodes.INVALID_GRANT, "No Closed Loop account for " + context.getPrincipal().getName(), null)));
        context.getClaims()
                .claim(ClaimNames.PREFERRED_USERNAME, account.username())
                .claim(ClaimNames.ROLES, account.roleNames())
                .claim(ClaimNames.BRANCHES, account.branches());
        if (accessToken) {
            context.getClaims().audience(List.of(audience));
        }
    }

    private Optional<Account> accountOf(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return accounts.integration(context.getRegisteredClient().getClientId());
        }
        return accounts.person(context.getPrincipal().getName());
    }
}
