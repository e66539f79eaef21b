package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket climbed the escalation ladder: level 1 is supervision (督办), level 2 the office meeting (办公会).
 * {@code clock} and {@code deadline} name the limit that passed; both are null for a level 2 that no limit caused
 * (reopened twice, unclaimed).
 */
public record TicketEscalated(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                              int level, ClockKind clock, Instant deadline,
                              EscalationReason reason) implements TicketEvent {

    public TicketEscalated {
        if (reason == null && level == 1) {
            reason = EscalationReason.LIMIT_PASSED;
        }
    }

    /** A level 1 escalation without its reason (the v1 fields before it was added). */
    public TicketEscalated(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                           int level, ClockKind clock, Instant deadline) {
        this(eventId, occurredAt, complaintId, ticketId, branch, level, clock, deadline, null);
    }

    @Override
    public String summary() {
        String what = clock == null ? String.valueOf(reason) : clock + " limit of branch " + branch + " passed at "
                + deadline + (reason == null || reason == EscalationReason.LIMIT_PASSED ? "" : ", " + reason);
        return "Escalated to level " + level + ": " + what;
    }
}
