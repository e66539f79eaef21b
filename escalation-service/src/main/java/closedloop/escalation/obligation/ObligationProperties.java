package closedloop.escalation.obligation;

import closedloop.contracts.PromiseKind;
import closedloop.contracts.TimeBasis;
import closedloop.escalation.policy.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * When a promise is due when the agent gave no date: per kind, an amount from registration and its basis, like the
 * time limits ({@code closedloop.obligations.due.<kind>.within}, {@code .basis}). Defaults: a refund or double refund
 * within 24 hours (billing errors are fixed within 24 hours), a fix within 2 working days, a visit within 1, a call
 * back within 4 working hours, anything else within 3 working days. {@code scan-interval} (1 s) is how often the
 * promises' clocks are looked at.
 */
@ConfigurationProperties("closedloop.obligations")
public record ObligationProperties(Map<PromiseKind, Due> due, Duration scanInterval) {

    static final Map<PromiseKind, Due> DEFAULTS = Map.of(
            PromiseKind.REFUND, new Due(Duration.ofHours(24), TimeBasis.CALENDAR),
            PromiseKind.DOUBLE_REFUND, new Due(Duration.ofHours(24), TimeBasis.CALENDAR),
            PromiseKind.FIX, new Due(Duration.ofDays(2), TimeBasis.WORKING),
            PromiseKind.VISIT, new Due(Duration.ofDays(1), TimeBasis.WORKING),
            PromiseKind.CALL_BACK, new Due(Duration.ofHours(4), TimeBasis.WORKING),
            PromiseKind.OTHER, new Due(Duration.ofDays(3), TimeBasis.WORKING));

    public ObligationProperties {
        Map<PromiseKind, Due> merged = new EnumMap<>(DEFAULTS);
        if (due != null) {
            due.forEach((kind, given) -> merged.put(kind, given.orDefault(DEFAULTS.get(kind))));
        }
        due = Map.copyOf(merged);
        scanInterval = scanInterval == null ? Duration.ofSeconds(1) : scanInterval;
    }

    /** The default due limit of a promise of this kind. */
    public Limit limit(PromiseKind kind) {
        Due of = due.get(kind);
        return new Limit(of.within(), of.basis());
    }

    /** How long a promise of one kind has, in which basis. */
    public record Due(Duration within, TimeBasis basis) {

        Due orDefault(Due fallback) {
            return new Due(within == null ? fallback.within : within, basis == null ? fallback.basis : basis);
        }
    }
}
