package closedloop.escalation.policy.web;

import closedloop.contracts.Category;
import closedloop.contracts.Priority;
import closedloop.platform.web.FieldError;
import closedloop.platform.web.IsoInstant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A new version of the time-limit policy: every category × priority once, and the outside limits.
 *
 * @param effectiveFrom when it takes effect; now when left out, never in the past
 * @param note          why it is published
 */
public record PublishPolicyRequest(@IsoInstant String effectiveFrom, @NotBlank @Size(max = 500) String note,
                                   @NotNull @Valid List<@NotNull RuleBody> rules,
                                   @NotNull @Valid List<@NotNull OutsideBody> outside) {

    /** What Bean Validation cannot see: a missing or repeated category × priority, a repeated channel. */
    List<FieldError> coverageErrors() {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleBody rule = rules.get(i);
            if (!seen.add(rule.category() + "/" + rule.priority())) {
                errors.add(new FieldError("rules[" + i + "]", "repeats " + rule.category() + " at " + rule.priority()));
            }
        }
        for (Category category : Category.values()) {
            for (Priority priority : Priority.values()) {
                if (!seen.contains(category + "/" + priority)) {
                    errors.add(new FieldError("rules", "has no limits for " + category + " at " + priority));
                }
            }
        }
        Set<String> channels = new HashSet<>();
        for (int i = 0; i < outside.size(); i++) {
            if (!channels.add(outside.get(i).channel())) {
                errors.add(new FieldError("outside[" + i + "]", "repeats channel " + outside.get(i).channel()));
            }
        }
        return errors;
    }
}
