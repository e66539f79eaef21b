package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The branch asked for more time (延期); supervisors approve or refuse it. */
public record ExtensionRequested(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                                 String reason, Instant requestedDeadline, String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Extension to " + requestedDeadline + " requested by " + actor + " at branch " + branch + ": " + reason;
    }
}
