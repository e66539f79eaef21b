package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The customer answered or the wait ended; the ticket's clocks run again. */
public record TicketResumed(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                            String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Work resumed at branch " + branch + " by " + actor;
    }
}
