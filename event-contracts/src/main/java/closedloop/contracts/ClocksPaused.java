package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The ticket's clocks stopped counting while the branch waits on the customer (the outside limit keeps running). */
public record ClocksPaused(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                           String reason) implements TicketEvent {

    @Override
    public String summary() {
        return "Clocks paused at branch " + branch + ": " + reason;
    }
}
