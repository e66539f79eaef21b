package closedloop.escalation.supervision;

import closedloop.contracts.ClockKind;
import closedloop.contracts.EscalationReason;

import java.time.Instant;

/**
 * A rung of the escalation ladder a complaint's ticket reached: a warning, a supervision or office-meeting escalation,
 * or an office-meeting decision gone overdue.
 *
 * @param clock    the limit concerned; null for escalations no limit caused (reopened twice, unclaimed)
 * @param deadline the deadline that was near or passed; null with {@code clock}, except for a decision's deadline
 * @param at       when the rung was reached
 */
public record Breach(String eventId, AlertKind kind, int level, String ticketId, String branch, ClockKind clock,
                     Instant deadline, EscalationReason reason, Instant at) {

    /** The breach an alert stands for: the same facts, kept with the complaint's evidence. */
    public static Breach of(Alert alert) {
        return new Breach(alert.id(), alert.kind(), alert.level(), alert.ticketId(), alert.branch(), alert.clock(),
                alert.deadline(), alert.reason(), alert.raisedAt());
    }
}
