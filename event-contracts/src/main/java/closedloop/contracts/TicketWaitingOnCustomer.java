package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The branch waits on the customer; the ticket's clocks pause until it resumes. */
public record TicketWaitingOnCustomer(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                                      String reason, String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Waiting on the customer (" + reason + "), by " + actor;
    }
}
