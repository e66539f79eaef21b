package closedloop.escalation.policy.web;

import closedloop.escalation.policy.TimeLimitPolicy;

import java.time.Instant;
import java.util.List;

/** One version of the time-limit policy, in the shape a new version is published in. */
public record PolicyView(int version, Instant effectiveFrom, Instant publishedAt, String publishedBy, String note,
                         List<RuleBody> rules, List<OutsideBody> outside) {

    static PolicyView of(TimeLimitPolicy policy) {
        return new PolicyView(policy.version(), policy.effectiveFrom(), policy.publishedAt(), policy.publishedBy(),
                policy.note(), policy.rules().stream().map(RuleBody::of).toList(),
                policy.outside().stream().map(OutsideBody::of).toList());
    }
}
