package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket (工单) was dispatched to a branch; its sign-for clock starts now. A ticket that follows a returned or
 * transferred one names it in {@code previousTicketId} and keeps the complaint's original resolve deadline.
 */
public record TicketAssigned(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                             Category category, Priority priority, String previousTicketId,
                             AssignmentReason reason) implements ClosedLoopEvent {

    public TicketAssigned {
        if (reason == null) {
            reason = previousTicketId == null ? AssignmentReason.ROUTED : AssignmentReason.REOPENED;
        }
    }

    /** A ticket routed at registration, or reopened when it names a previous ticket. */
    public TicketAssigned(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                          Category category, Priority priority, String previousTicketId) {
        this(eventId, occurredAt, complaintId, ticketId, branch, category, priority, previousTicketId, null);
    }

    @Override
    public String summary() {
        return "Ticket assigned to branch " + branch + (reason == AssignmentReason.ROUTED ? "" : " (" + reason + ")");
    }
}
