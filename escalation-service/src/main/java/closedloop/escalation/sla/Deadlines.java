package closedloop.escalation.sla;

import closedloop.contracts.TimeBasis;
import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.escalation.policy.Limit;
import closedloop.escalation.policy.WorkingTime;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The deadline arithmetic the SLA rules need, on the business calendar, every instant kept to the millisecond (as
 * MongoDB stores it), with the operator's {@link SlaRules} it follows.
 */
public class Deadlines {

    private final WorkingTime time;
    private final BusinessCalendar calendar;
    private final SlaRules rules;

    /** With the rules' defaults, {@link SlaRules#DEFAULTS}. */
    public Deadlines(WorkingTime time, BusinessCalendar calendar) {
        this(time, calendar, SlaRules.DEFAULTS);
    }

    public Deadlines(WorkingTime time, BusinessCalendar calendar, SlaRules rules) {
        this.time = time;
        this.calendar = calendar;
        this.rules = rules;
    }

    /** When a limit that starts at {@code start} runs out. */
    public Instant deadline(Instant start, Limit limit) {
        return millis(time.deadline(start, limit));
    }

    /** When the warning share of the time from start to deadline has passed (75 % by default). */
    public Instant warnAt(Instant start, Instant deadline, TimeBasis basis) {
        return millis(time.share(start, deadline, basis, rules.warningPercent()));
    }

    /** An instant moved on by a pause: what was left of it at the pause is left of it at the resume. */
    public Instant afterPause(Instant instant, Instant pausedAt, Instant resumedAt, TimeBasis basis) {
        return millis(time.afterPause(instant, pausedAt, resumedAt, basis));
    }

    /** The latest deadline extensions may reach from the deadline a ticket had before its first extension. */
    public Instant extensionCap(Instant deadlineBeforeExtensions) {
        return millis(calendar.plusWorkingDays(deadlineBeforeExtensions, rules.extensionWorkingDays()));
    }

    /** {@code amount} of working time after {@code from}, on the calendar as it is now. */
    public Instant plusWorkingTime(Instant from, java.time.Duration amount) {
        return millis(time.plus(from, amount, TimeBasis.WORKING));
    }

    /** The key of the calendar deadlines are counted on now ({@link BusinessCalendar#key}). */
    public String calendarKey() {
        return calendar.key();
    }

    /** The rules for warnings, level 2 and extensions. */
    public SlaRules rules() {
        return rules;
    }

    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
