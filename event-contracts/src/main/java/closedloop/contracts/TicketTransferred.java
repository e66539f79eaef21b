package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The dispatch desk moved the ticket from its branch to another by hand. */
public record TicketTransferred(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                                String toBranch, int timesPassedOn, String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Ticket transferred from " + branch + " to " + toBranch + " by " + actor;
    }
}
