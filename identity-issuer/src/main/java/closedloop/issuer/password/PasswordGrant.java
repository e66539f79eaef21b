package closedloop.issuer.password;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The resource owner password credentials grant ({@code grant_type=password}, RFC 6749 §4.3): a demo-only
 * convenience, like Keycloak's direct access grants, so that a script gets a demo user's token with one request.
 * OAuth 2.1 drops it and Spring Authorization Server does not implement it, so this issuer adds it as an extension
 * grant and registers it only while {@code closedloop.issuer.password-grant-enabled} is on.
 */
public final class PasswordGrant {

    /** The grant type, as the {@code grant_type} parameter names it. */
    public static final AuthorizationGrantType TYPE = new AuthorizationGrantType("password");

    private PasswordGrant() {
    }
}
