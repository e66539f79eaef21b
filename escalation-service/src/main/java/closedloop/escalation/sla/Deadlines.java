package closedloop.escalation.sla;

import closedloop.contracts.TimeBasis;
import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.policy.Limit;
import closedloop.escalation.policy.WorkingTime;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The deadline arithmetic the SLA rules need, on the business calendar, every instant kept to the millisecond (as
 * MongoDB stores it).
 */
@Component
public class Deadlines {

    /** The share of a limit after which the branch is chased (催办). */
    static final int WARNING_PERCENT = 75;

    /** Extensions may add at most this many working days to a ticket's resolve deadline, in total. */
    static final int EXTENSION_WORKING_DAYS = 10;

    private final WorkingTime time;
    private final BusinessCalendar calendar;

    public Deadlines(WorkingTime time, BusinessCalendar calendar) {
        this.time = time;
        this.calendar = calendar;
    }

    /** When a limit that starts at {@code start} runs out. */
    public Instant deadline(Instant start, Limit limit) {
        return millis(time.deadline(start, limit));
    }

    /** When {@value #WARNING_PERCENT} % of the time from start to deadline has passed. */
    public Instant warnAt(Instant start, Instant deadline, TimeBasis basis) {
        return millis(time.share(start, deadline, basis, WARNING_PERCENT));
    }

    /** An instant moved on by a pause: what was left of it at the pause is left of it at the resume. */
    public Instant afterPause(Instant instant, Instant pausedAt, Instant resumedAt, TimeBasis basis) {
        return millis(time.afterPause(instant, pausedAt, resumedAt, basis));
    }

    /** The latest deadline extensions may reach from the deadline a ticket had before its first extension. */
    public Instant extensionCap(Instant deadlineBeforeExtensions) {
        return millis(calendar.plusWorkingDays(deadlineBeforeExtensions, EXTENSION_WORKING_DAYS));
    }

    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
