package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A ticket (工单) was dispatched to a branch; its time limits start now. */
public record TicketAssigned(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                             Category category, Priority priority, String previousTicketId) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Ticket assigned to branch " + branch + (previousTicketId == null ? "" : " (reopened)");
    }
}
