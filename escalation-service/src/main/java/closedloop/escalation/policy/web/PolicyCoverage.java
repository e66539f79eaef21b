package closedloop.escalation.policy.web;

import closedloop.contracts.Category;
import closedloop.contracts.Priority;
import closedloop.platform.web.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What Bean Validation cannot see in a policy's limits, for a version to publish and for a what-if's draft alike. */
final class PolicyCoverage {

    private PolicyCoverage() {
    }

    /**
     * A missing or repeated category × priority and a repeated channel, each named by its field under {@code path}
     * ({@code ""} for a body that is the policy, {@code "policy."} for one that holds it).
     */
    static List<FieldError> errors(String path, List<RuleBody> rules, List<OutsideBody> outside) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleBody rule = rules.get(i);
            if (!seen.add(rule.category() + "/" + rule.priority())) {
                errors.add(new FieldError(path + "rules[" + i + "]", "repeats " + rule.category() + " at "
                        + rule.priority()));
            }
        }
        for (Category category : Category.values()) {
            for (Priority priority : Priority.values()) {
                if (!seen.contains(category + "/" + priority)) {
                    errors.add(new FieldError(path + "rules", "has no limits for " + category + " at " + priority));
                }
            }
        }
        Set<String> channels = new HashSet<>();
        for (int i = 0; i < outside.size(); i++) {
            if (!channels.add(outside.get(i).channel())) {
                errors.add(new FieldError(path + "outside[" + i + "]", "repeats channel "
                        + outside.get(i).channel()));
            }
        }
        return errors;
    }
}
