package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket (工单) was dispatched to a branch; its sign-for clock starts now. A ticket that follows a returned or
 * transferred one names it in {@code previousTicketId} and keeps the complaint's original resolve deadline.
 *
 * @param channel      how the complaint came in (decides the outside limit of regulator and 12315 complaints)
 * @param registeredAt when the complaint was registered (decides the time-limit policy it is measured against)
 */
public record TicketAssigned(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                             Category category, Priority priority, String previousTicketId,
                             AssignmentReason reason, Channel channel, Instant registeredAt) implements TicketEvent {

    public TicketAssigned {
        if (reason == null) {
            reason = previousTicketId == null ? AssignmentReason.ROUTED : AssignmentReason.REOPENED;
        }
    }

    /** A ticket without the complaint's channel and registration time (the v1 fields before they were added). */
    public TicketAssigned(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                          Category category, Priority priority, String previousTicketId, AssignmentReason reason) {
        this(eventId, occurredAt, complaintId, ticketId, branch, category, priority, previousTicketId, reason, null,
                null);
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
