package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The branch named the person who handles the ticket. */
public record HandlerAssigned(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                              String handler, String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Handler " + handler + " named at branch " + branch + " by " + actor;
    }
}
