package closedloop.platform.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A service's one table of who may call which of its endpoints: one rule per endpoint, declared as a bean. An
 * endpoint without a rule answers 403 to everyone (and the service's access-matrix test fails).
 *
 * @param rules the rules, one per method and path pattern
 */
public record AccessRules(List<AccessRule> rules) {

    public AccessRules {
        rules = List.copyOf(rules);
        Set<String> endpoints = new HashSet<>();
        for (AccessRule rule : rules) {
            if (!endpoints.add(rule.endpoint())) {
                throw new IllegalArgumentException("Two rules for " + rule.endpoint());
            }
        }
    }

    public static AccessRules of(AccessRule... rules) {
        return new AccessRules(List.of(rules));
    }

    /** These rules and more, e.g. the platform's own for an endpoint every service has. */
    public AccessRules and(List<AccessRule> more) {
        List<AccessRule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new AccessRules(all);
    }
}
