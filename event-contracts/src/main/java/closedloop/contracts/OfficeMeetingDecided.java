package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The office meeting (办公会) decided on a level 2 item: who owns it, by when, and what is to be done. */
public record OfficeMeetingDecided(UUID eventId, Instant occurredAt, String complaintId, String ticketId,
                                   String itemId, String owner, Instant deadline, String note,
                                   String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Office meeting decision: " + owner + " to act by " + deadline + " (" + note + "), recorded by " + actor;
    }
}
