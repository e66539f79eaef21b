package closedloop.escalation.policy;

import closedloop.contracts.TimeBasis;
import closedloop.escalation.calendar.BusinessCalendar;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Deadline arithmetic in either basis. Amounts in WORKING time are working time on the business calendar (a working day
 * is its working hours, 7.5 h by default); a limit's whole days are counted with {@link
 * BusinessCalendar#plusWorkingDays}, so "P3D WORKING" ends at the same time of day three working days on. The policy
 * package uses the calendar package, never the other way round.
 */
@Component
@RequiredArgsConstructor
public final class WorkingTime {

    private final BusinessCalendar calendar;

    /** When a limit that starts at {@code start} runs out. */
    public Instant deadline(Instant start, Limit limit) {
        if (limit.basis() == TimeBasis.CALENDAR) {
            return start.plus(limit.amount());
        }
        long days = limit.amount().toDays();
        Duration rest = limit.amount().minusDays(days);
        Instant afterDays = days > 0 ? calendar.plusWorkingDays(start, (int) days) : start;
        return calendar.plusWorkingTime(afterDays, rest);
    }

    /** The instant {@code amount} after {@code from}, counted in the given basis. */
    public Instant plus(Instant from, Duration amount, TimeBasis basis) {
        return basis == TimeBasis.CALENDAR ? from.plus(amount) : calendar.plusWorkingTime(from, amount);
    }

    /** The time that passes from {@code from} to {@code to} in the given basis; zero when {@code to} is not after. */
    public Duration between(Instant from, Instant to, TimeBasis basis) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return basis == TimeBasis.CALENDAR ? Duration.between(from, to) : calendar.workingTimeBetween(from, to);
    }

    /**
     * The instant at which {@code percent} % of the time from {@code start} to {@code deadline} has passed, in the
     * given basis (the warning (催办) comes at 75 %).
     */
    public Instant share(Instant start, Instant deadline, TimeBasis basis, int percent) {
        Duration whole = between(start, deadline, basis);
        return plus(start, whole.multipliedBy(percent).dividedBy(100), basis);
    }

    /**
     * Moves a deadline on by a pause from {@code pausedAt} to {@code resumedAt}: what was left of it at the pause is
     * left of it at the resume.
     */
    public Instant afterPause(Instant deadline, Instant pausedAt, Instant resumedAt, TimeBasis basis) {
        return plus(resumedAt, between(pausedAt, deadline, basis), basis);
    }
}
