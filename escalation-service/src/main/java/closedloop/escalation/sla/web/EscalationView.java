package closedloop.escalation.sla.web;

import closedloop.contracts.ClockKind;
import closedloop.escalation.sla.SlaClock;

import java.time.Instant;

/**
 * One escalation as a supervisor sees it.
 *
 * @param level    1 for supervision (督办)
 * @param clock    the time limit that passed
 * @param deadline when it passed
 * @param at       when the ticket was escalated
 */
public record EscalationView(String ticketId, String complaintId, String branch, int level, ClockKind clock,
                             Instant deadline, Instant at) {

    static EscalationView of(SlaClock fired) {
        return new EscalationView(fired.ticketId(), fired.complaintId(), fired.branch(), fired.level(), fired.kind(),
                fired.deadline(), fired.escalatedAt());
    }
}
