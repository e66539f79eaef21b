package closedloop.escalation.sla.web;

import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.escalation.sla.Escalation;

import java.time.Instant;

/**
 * One escalation as a supervisor sees it.
 *
 * @param level    1 for supervision (督办), 2 for the office meeting (办公会)
 * @param clock    the time limit that passed; null for a level 2 no limit caused
 * @param deadline when it passed
 * @param reason   why the ticket climbed this rung
 * @param at       when the ticket was escalated
 */
public record EscalationView(String ticketId, String complaintId, String branch, int level, ClockKind clock,
                             Instant deadline, EscalationReason reason, Instant at) {

    static EscalationView of(String complaintId, Escalation fired) {
        return new EscalationView(fired.ticketId(), complaintId, fired.branch(), fired.level(), fired.clock(),
                fired.deadline(), fired.reason(), fired.at());
    }
}
