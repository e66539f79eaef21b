package closedloop.escalation.policy.web;

import closedloop.platform.web.FieldError;
import closedloop.platform.web.IsoInstant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

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
        return PolicyCoverage.errors("", rules, outside);
    }
}
