package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The branch reached the customer for the first time (首次联系): when, how, and what came of it. */
public record FirstContactRecorded(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                                   Instant contactedAt, ContactMethod method, String result, String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "First contact with the customer by " + method + " at " + contactedAt + " (" + actor + "): " + result;
    }
}
