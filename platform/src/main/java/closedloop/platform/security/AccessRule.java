package closedloop.platform.security;

import org.springframework.http.HttpMethod;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call one endpoint: the HTTP method and the path pattern exactly as the controller maps it, and either the
 * roles allowed or {@code open} for a call that proves itself another way (the SMS gateway's signed webhook).
 *
 * @param method  the HTTP method
 * @param pattern the path pattern, e.g. {@code /api/v1/tickets/{id}/accept}
 * @param roles   the roles allowed; empty when open
 * @param open    whether the endpoint needs no token
 */
public record AccessRule(HttpMethod method, String pattern, Set<Role> roles, boolean open) {

    public AccessRule {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (open == !roles.isEmpty()) {
            throw new IllegalArgumentException(method + " " + pattern + ": either open or some roles");
        }
    }

    /** Callers with any of {@code roles} may call it. */
    public static AccessRule allow(HttpMethod method, String pattern, Role... roles) {
        return new AccessRule(method, pattern, Set.copyOf(Arrays.asList(roles)), false);
    }

    /** Anyone may call it without a token: only for calls that are verified by other means. */
    public static AccessRule open(HttpMethod method, String pattern) {
        return new AccessRule(method, pattern, Set.of(), true);
    }

    /** Whether a caller with {@code role} may call it. */
    public boolean allows(Role role) {
        return open || roles.contains(role);
    }

    /** The endpoint, as {@code GET /api/v1/tickets/{id}}. */
    public String endpoint() {
        return method.name() + " " + pattern;
    }
}
