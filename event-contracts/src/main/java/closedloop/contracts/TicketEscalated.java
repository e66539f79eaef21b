package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A ticket passed a time limit and was escalated: level 1 is supervision (督办), level 2 the office meeting. */
public record TicketEscalated(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                              int level, ClockKind clock, Instant deadline) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Escalated to level " + level + ": " + clock + " limit of branch " + branch + " passed at " + deadline;
    }
}
