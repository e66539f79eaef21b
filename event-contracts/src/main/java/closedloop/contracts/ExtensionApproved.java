package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A supervisor approved a branch's extension (延期): the resolve deadline moved, and the customer is told. */
public record ExtensionApproved(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                                String extensionId, Instant previousDeadline, Instant deadline,
                                String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Extension approved by " + actor + ": resolve due " + deadline + " instead of " + previousDeadline;
    }
}
