package closedloop.issuer.account;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Someone a token speaks for: a member of staff who signs in, or an integration that gets tokens with its client's
 * credentials. Its name is the actor every service writes into events and timelines, so it can never be one of the
 * names the system itself acts under.
 *
 * @param username the actor, the token's {@code preferred_username}
 * @param roles    what they may do, the token's {@code roles}
 * @param branches the branch codes whose tickets a dispatcher works, the token's {@code branches}; empty for others
 */
public record Account(String username, List<Role> roles, List<String> branches) {

    /** Actor names the system acts under itself; no caller may claim one (nor anything starting {@code sms:}). */
    public static final Set<String> RESERVED_NAMES = Set.of("system", "configuration", "anonymous");

    public Account {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("An account needs a username");
        }
        if (isReserved(username)) {
            throw new IllegalArgumentException("'" + username + "' is reserved for the system and cannot be an account");
        }
        roles = roles == null ? List.of() : List.copyOf(roles);
        branches = branches == null ? List.of() : List.copyOf(branches);
    }

    /** The role names as the {@code roles} claim carries them. */
    public List<String> roleNames() {
        return roles.stream().map(Role::name).toList();
    }

    /** Whether the system acts under this name itself, so that no token may carry it. */
    public static boolean isReserved(String name) {
        String normalised = name.trim().toLowerCase(Locale.ROOT);
        return RESERVED_NAMES.contains(normalised) || normalised.startsWith("sms:");
    }
}
