package closedloop.issuer.token;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The OpenID Connect user info of a signed-in person: {@code sub} and the Closed Loop claims of their ID token
 * ({@code preferred_username}, {@code roles}, {@code branches}), so that a client that reads the user info (the
 * console, through Spring Security's OAuth2 client) sees the same as in the ID token.
 */
public class ClosedLoopUserInfo implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization.Token<OidcIdToken> idToken = context.getAuthorization().getToken(OidcIdToken.class);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaimNames.SUB, context.getAuthorization().getPrincipalName());
        if (idToken != null) {
            ClaimNames.ACCOUNT.forEach(name -> {
                Object value = idToken.getToken().getClaims().get(name);
                if (value != null) {
                    claims.put(name, value);
                }
            });
        }
        return new OidcUserInfo(claims);
    }
}
