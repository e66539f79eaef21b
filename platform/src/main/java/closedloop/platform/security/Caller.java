package closedloop.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The signed-in person or integration making a request, as their access token names them.
 *
 * @param name     the token's {@code preferred_username}: the actor written into events and timelines
 * @param roles    the token's {@code roles}
 * @param branches the token's {@code branches}: the branch codes a dispatcher works for
 */
public record Caller(String name, Set<Role> roles, Set<String> branches) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        branches = Set.copyOf(branches);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether this caller sees only the tickets of their own branches: a dispatcher who is neither a supervisor nor
     * the dispatch desk, both of whom see every branch.
     */
    public boolean limitedToOwnBranches() {
        return has(Role.DISPATCHER) && !has(Role.SUPERVISOR) && !has(Role.DISPATCH_DESK);
    }

    /** Whether this caller may see a ticket of {@code branch} (null: of no branch yet). */
    public boolean sees(String branch) {
        return !limitedToOwnBranches() || branch != null && branches.contains(branch);
    }

    /** Whether this caller may act for {@code branch}: a dispatcher of that branch. */
    public boolean worksFor(String branch) {
        return has(Role.DISPATCHER) && branch != null && branches.contains(branch);
    }
}
