package closedloop.escalation.sla.web;

import closedloop.escalation.calendar.BusinessCalendar;
import closedloop.contracts.ClockKind;
import closedloop.contracts.TimeBasis;
import closedloop.escalation.sla.ClockState;
import closedloop.escalation.sla.SlaClock;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock of a complaint as a supervisor sees it.
 *
 * @param ticketId the ticket it holds; null for the complaint's OUTSIDE clock
 * @param warnAt   when 75 % of it has passed
 * @param warned   whether the warning fired (or was made obsolete by the breach)
 * @param breached    whether level 1 fired for it
 * @param provisional whether its deadline may still move with the business calendar: a working-time deadline counted
 *                    over a year whose calendar is missing (plain Monday–Friday weeks), or counted on a calendar
 *                    that has changed since and not recounted yet (it is, at the latest when the case next falls due)
 */
public record ClockView(ClockKind kind, String ticketId, Instant startedAt, Instant deadline, Instant warnAt,
                        ClockState state, Integer policyVersion, Duration limit, TimeBasis basis, boolean warned,
                        boolean breached, boolean provisional) {

    static ClockView of(SlaClock clock, Integer policyVersion, BusinessCalendar calendar, boolean recountDue) {
        boolean provisional = clock.basis() == TimeBasis.WORKING
                && (recountDue || calendar.isProvisional(clock.startedAt(), clock.deadline()));
        return new ClockView(clock.kind(), clock.ticketId(), clock.startedAt(), clock.deadline(), clock.warnAt(),
                clock.state(), policyVersion, clock.limit().amount(), clock.basis(), clock.warned(),
                clock.breached(), provisional);
    }
}
