package closedloop.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The ticket's clocks run again after a wait on the customer; its deadlines moved by the time paused. */
public record ClocksResumed(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                            Duration pausedFor, Instant resolveDeadline) implements TicketEvent {

    @Override
    public String summary() {
        return "Clocks running again at branch " + branch + " after " + pausedFor + "; resolve due " + resolveDeadline;
    }
}
