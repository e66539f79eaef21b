package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A progress note on the ticket. */
public record TicketNoteAdded(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                              String note, String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Note by " + actor + " at branch " + branch + ": " + note;
    }
}
