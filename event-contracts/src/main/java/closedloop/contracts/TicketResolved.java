package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The branch resolved the ticket (办结); the customer is to be called back. */
public record TicketResolved(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                             String resolution, String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Ticket resolved at branch " + branch + " by " + actor + ": " + resolution;
    }
}
