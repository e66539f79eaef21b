package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The branch signed for the ticket (签收). */
public record TicketAccepted(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                             String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Ticket signed for at branch " + branch + " by " + actor;
    }
}
