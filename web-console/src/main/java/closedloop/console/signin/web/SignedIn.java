package closedloop.console.signin.web;

import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;

import java.util.List;

/**
 * Who is signed in at this browser, as the issuer said when they signed in (their ID token and user info): what the
 * console's frame shows and which pages and branches it offers. No token of theirs is in it.
 *
 * @param username their name as every event records them ({@code preferred_username})
 * @param roles    their roles, e.g. {@code DISPATCHER}
 * @param branches the branch codes they work, for a dispatcher; empty for everybody else
 * @param logout   how the frame's logout button signs them out
 */
public record SignedIn(String username, List<String> roles, List<String> branches, LogoutForm logout) {

    /** The claims of the issuer's tokens this reads. */
    static final String ROLES = "roles";
    static final String BRANCHES = "branches";

    /**
     * The form that signs out: a POST to {@code action} with the CSRF token as the parameter {@code parameter} (a
     * form cannot send the header the scripts send).
     *
     * @param action    where the form posts
     * @param parameter the name of the CSRF token's field
     * @param token     the CSRF token, masked afresh for this response
     */
    public record LogoutForm(String action, String parameter, String token) {
    }

    static SignedIn of(OidcUser user, CsrfToken csrf) {
        String username = user.getClaimAsString(StandardClaimNames.PREFERRED_USERNAME);
        return new SignedIn(username == null ? user.getName() : username, listOrEmpty(user, ROLES),
                listOrEmpty(user, BRANCHES), new LogoutForm("/logout", csrf.getParameterName(), csrf.getToken()));
    }

    private static List<String> listOrEmpty(OidcUser user, String claim) {
        List<String> values = user.getClaimAsStringList(claim);
        return values == null ? List.of() : List.copyOf(values);
    }
}
