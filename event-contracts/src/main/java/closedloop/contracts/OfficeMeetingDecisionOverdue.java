package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The deadline an office-meeting decision set passed with the complaint still unresolved; supervisors are alerted. */
public record OfficeMeetingDecisionOverdue(UUID eventId, Instant occurredAt, String complaintId, String ticketId,
                                           String itemId, String owner, Instant deadline) implements TicketEvent {

    @Override
    public String summary() {
        return "Office meeting decision overdue: " + owner + " was to act by " + deadline;
    }
}
