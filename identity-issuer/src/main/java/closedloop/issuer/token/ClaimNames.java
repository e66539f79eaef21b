package closedloop.issuer.token;

import java.util.List;

/** The names of the claims Closed Loop adds to its tokens; the services read exactly these. */
public final class ClaimNames {

    /** The actor: written into every event and timeline entry. */
    public static final String PREFERRED_USERNAME = "preferred_username";

    /** The role names, a JSON array. */
    public static final String ROLES = "roles";

    /** The branch codes a dispatcher works, a JSON array (empty for everybody else). */
    public static final String BRANCHES = "branches";

    /** The claims of an account, in the order they are written. */
    static final List<String> ACCOUNT = List.of(PREFERRED_USERNAME, ROLES, BRANCHES);

    private ClaimNames() {
    }
}
