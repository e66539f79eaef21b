package closedloop.escalation.sla;

import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;
import closedloop.contracts.TicketEscalated;

import java.time.Instant;

/**
 * A rung of the escalation ladder a ticket climbed, as the case remembers it for supervisors.
 *
 * @param clock    the limit that passed; null for a level 2 no limit caused
 * @param deadline when that limit passed
 * @param at       when the ticket was escalated
 */
public record Escalation(String ticketId, String branch, int level, ClockKind clock, Instant deadline,
                         EscalationReason reason, Instant at) {

    /** The rung the event tells of. */
    static Escalation of(TicketEscalated escalated) {
        return new Escalation(escalated.ticketId(), escalated.branch(), escalated.level(), escalated.clock(),
                escalated.deadline(), escalated.reason(), escalated.occurredAt());
    }
}
