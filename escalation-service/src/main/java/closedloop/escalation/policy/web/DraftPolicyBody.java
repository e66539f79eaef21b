package closedloop.escalation.policy.web;

import closedloop.escalation.policy.TimeLimitPolicy;
import closedloop.platform.web.FieldError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;

/** A draft of the time-limit policy's limits, shaped as a version is published, for a what-if; never stored. */
public record DraftPolicyBody(@NotNull @Valid List<@NotNull RuleBody> rules,
                              @NotNull @Valid List<@NotNull OutsideBody> outside) {

    /** What Bean Validation cannot see, each field named under {@code path} (e.g. {@code "policy."}). */
    public List<FieldError> coverageErrors(String path) {
        return PolicyCoverage.errors(path, rules, outside);
    }

    /** The draft as a policy nobody published (version 0), for the replay. */
    public TimeLimitPolicy toPolicy(Instant now, String actor) {
        return new TimeLimitPolicy(0, now, now, actor, "what-if draft",
                rules.stream().map(RuleBody::toRule).toList(), outside.stream().map(OutsideBody::toRule).toList());
    }
}
