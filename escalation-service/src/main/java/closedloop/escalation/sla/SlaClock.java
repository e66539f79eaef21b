package closedloop.escalation.sla;

import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.contracts.ClockKind;
import closedloop.contracts.TimeBasis;
import closedloop.escalation.policy.Limit;

import java.time.Duration;
import java.time.Instant;

/**
 * One time limit (时限) held inside an {@link SlaCase}: when it started, its deadline and warning instant, and which of
 * its alerts fired. A RESOLVE clock also knows when it is long past its limit (a further 100 % of the limit after the
 * deadline, level 2). Its rules only compute; the case records the events.
 */
public class SlaClock {

    private ClockKind kind;
    private String ticketId;
    private Instant startedAt;
    private Instant deadline;
    private Instant warnAt;
    private Instant longPastAt;
    private Duration limit;
    private TimeBasis basis;
    private ClockState state;
    private boolean warned;
    private boolean breached;
    private boolean longPastFired;
    private Instant stoppedAt;

    SlaClock() {
    }

    /**
     * A clock that starts running at {@code start} for {@code limit}; its deadline is never later than {@code cap}
     * (the complaint's outside deadline, null when there is none). The warning falls at the rules' share of start to
     * deadline (75 % by default).
     */
    static SlaClock start(ClockKind kind, String ticketId, Instant start, Limit limit, Instant cap,
                          Deadlines deadlines) {
        SlaClock clock = new SlaClock();
        clock.kind = kind;
        clock.ticketId = ticketId;
        clock.startedAt = start;
        clock.limit = limit.amount();
        clock.basis = limit.basis();
        clock.state = ClockState.RUNNING;
        clock.deadline = capped(deadlines.deadline(start, limit), cap);
        clock.warnAt = deadlines.warnAt(start, clock.deadline, clock.basis);
        if (kind == ClockKind.RESOLVE) {
            clock.longPastAt = deadlines.deadline(clock.deadline, limit);
        }
        return clock;
    }

    /**
     * The same deadline carried to the ticket that follows a returned or transferred one: running again, its alerts
     * that fired stay fired, so the same deadline never alerts twice.
     */
    SlaClock carriedTo(String nextTicketId) {
        SlaClock carried = copy();
        carried.ticketId = nextTicketId;
        carried.state = ClockState.RUNNING;
        carried.stoppedAt = null;
        return carried;
    }

    /** RUNNING or PAUSED → STOPPED; emits whether it was not stopped before. */
    boolean stop(Instant at) {
        if (state == ClockState.STOPPED) {
            return false;
        }
        state = ClockState.STOPPED;
        stoppedAt = at;
        return true;
    }

    /** RUNNING → PAUSED: the ticket waits on the customer. */
    void pause() {
        if (state == ClockState.RUNNING) {
            state = ClockState.PAUSED;
        }
    }

    /**
     * PAUSED → RUNNING: every instant still ahead at the pause moves on by the pause, counted in the clock's basis
     * (never past {@code cap}); instants that had passed before the pause stay where they are.
     */
    void resume(Instant pausedAt, Instant resumedAt, Instant cap, Deadlines deadlines) {
        if (state != ClockState.PAUSED) {
            return;
        }
        state = ClockState.RUNNING;
        deadline = capped(moved(deadline, pausedAt, resumedAt, deadlines), cap);
        warnAt = moved(warnAt, pausedAt, resumedAt, deadlines);
        longPastAt = moved(longPastAt, pausedAt, resumedAt, deadlines);
    }

    /**
     * The calendar a working-time clock was counted on changed: every instant still ahead of {@code now} keeps the
     * working time it had left on the calendar {@code before}, counted on the calendar as it is now (never past
     * {@code cap}). A calendar-time or stopped clock does not move. Emits whether the deadline moved.
     */
    boolean recalendar(Instant now, BusinessCalendar before, Instant cap, Deadlines deadlines) {
        if (basis != TimeBasis.WORKING || state == ClockState.STOPPED) {
            return false;
        }
        Instant previous = deadline;
        deadline = capped(recounted(deadline, now, before, deadlines), cap);
        warnAt = recounted(warnAt, now, before, deadlines);
        longPastAt = recounted(longPastAt, now, before, deadlines);
        return !deadline.equals(previous);
    }

    private static Instant recounted(Instant instant, Instant now, BusinessCalendar before, Deadlines deadlines) {
        if (instant == null || !instant.isAfter(now)) {
            return instant;
        }
        return deadlines.plusWorkingTime(now, before.workingTimeBetween(now, instant));
    }

    /** An approved extension moves the deadline later; the warning and the long-past instant follow. */
    void extendTo(Instant newDeadline, Deadlines deadlines) {
        deadline = newDeadline;
        warnAt = deadlines.warnAt(startedAt, newDeadline, basis);
        if (longPastAt != null) {
            longPastAt = deadlines.deadline(newDeadline, new Limit(limit, basis));
        }
    }

    /** Whether the warning is due: its share of the limit passed, the deadline not yet, and it has not fired. */
    boolean warningDue(Instant now) {
        return isRunning() && !warned && !breached && !warnAt.isAfter(now) && now.isBefore(deadline);
    }

    /** Whether the deadline passed and level 1 has not fired for it. */
    boolean breachDue(Instant now) {
        return isRunning() && !breached && !deadline.isAfter(now);
    }

    /** Whether a resolve clock is a further 100 % of its limit past its breached deadline, not yet escalated. */
    boolean longPastDue(Instant now) {
        return isRunning() && breached && longPastAt != null && !longPastFired && !longPastAt.isAfter(now);
    }

    void markWarned() {
        warned = true;
    }

    /** Level 1 fired; a warning not yet given is obsolete and never comes. */
    void markBreached() {
        breached = true;
        warned = true;
    }

    void markLongPast() {
        longPastFired = true;
    }

    /** The earliest instant at which this clock has something to fire, or null. */
    Instant nextDue(boolean longPastPossible) {
        if (!isRunning()) {
            return null;
        }
        if (!breached) {
            return !warned && warnAt.isBefore(deadline) ? warnAt : deadline;
        }
        return longPastPossible && longPastAt != null && !longPastFired ? longPastAt : null;
    }

    boolean isRunning() {
        return state == ClockState.RUNNING;
    }

    public ClockKind kind() {
        return kind;
    }

    public String ticketId() {
        return ticketId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant warnAt() {
        return warnAt;
    }

    public Instant longPastAt() {
        return longPastAt;
    }

    public Limit limit() {
        return new Limit(limit, basis);
    }

    public TimeBasis basis() {
        return basis;
    }

    public ClockState state() {
        return state;
    }

    public boolean warned() {
        return warned;
    }

    public boolean breached() {
        return breached;
    }

    public Instant stoppedAt() {
        return stoppedAt;
    }

    private SlaClock copy() {
        SlaClock copy = new SlaClock();
        copy.kind = kind;
        copy.ticketId = ticketId;
        copy.startedAt = startedAt;
        copy.deadline = deadline;
        copy.warnAt = warnAt;
        copy.longPastAt = longPastAt;
        copy.limit = limit;
        copy.basis = basis;
        copy.state = state;
        copy.warned = warned;
        copy.breached = breached;
        copy.longPastFired = longPastFired;
        copy.stoppedAt = stoppedAt;
        return copy;
    }

    private Instant moved(Instant instant, Instant pausedAt, Instant resumedAt, Deadlines deadlines) {
        if (instant == null || !instant.isAfter(pausedAt)) {
            return instant;
        }
        return deadlines.afterPause(instant, pausedAt, resumedAt, basis);
    }

    static Instant capped(Instant deadline, Instant cap) {
        return cap != null && deadline.isAfter(cap) ? cap : deadline;
    }
}
