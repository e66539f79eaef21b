package closedloop.issuer.password;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

import java.util.Map;
import java.util.Set;

/**
 * A token request of the password grant as the token endpoint read it: the client that asks (already authenticated),
 * the user's username and password, and the scopes asked for. The password is not part of {@link #toString()}.
 */
public class PasswordGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

    private final String username;
    private final String password;
    private final Set<String> scopes;

    /**
     * @param username             the user's username
     * @param password             the user's password
     * @param scopes               the scopes asked for; empty for none
     * @param clientPrincipal      the authenticated client
     * @param additionalParameters the request's other parameters
     */
    public PasswordGrantAuthenticationToken(String username, String password, Set<String> scopes,
                                            Authentication clientPrincipal, Map<String, Object> additionalParameters) {
        super(PasswordGrant.TYPE, clientPrincipal, additionalParameters);
        this.username = username;
        this.password = password;
        this.scopes = Set.copyOf(scopes);
    }

    public String getUsername() {
        return username;
    }

    public String getPassword() {
        return password;
    }

    public Set<String> getScopes() {
        return scopes;
    }
}
