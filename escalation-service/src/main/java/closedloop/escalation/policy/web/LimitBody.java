package closedloop.escalation.policy.web;

import closedloop.contracts.TimeBasis;
import closedloop.escalation.policy.Limit;
import closedloop.platform.web.OneOf;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * One limit as read and written over HTTP.
 *
 * @param amount ISO-8601, e.g. PT2H; in WORKING time whole days are working days
 * @param basis  WORKING or CALENDAR
 */
public record LimitBody(@NotNull @IsoDuration String amount, @NotNull @OneOf(TimeBasis.class) String basis) {

    static LimitBody of(Limit limit) {
        return new LimitBody(limit.amount().toString(), limit.basis().name());
    }

    Limit toLimit() {
        return new Limit(Duration.parse(amount), TimeBasis.valueOf(basis));
    }
}
