package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A supervisor refused a branch's extension (延期); the deadline stays. */
public record ExtensionRefused(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                               String extensionId, String reason, String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Extension refused by " + actor + ": " + reason;
    }
}
