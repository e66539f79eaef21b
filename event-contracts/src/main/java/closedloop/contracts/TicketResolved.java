package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The branch resolved the ticket (办结): what was done for the customer, why it happened and who is responsible —
 * the operator's three principles of complaint handling. The customer is to be called back.
 */
public record TicketResolved(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                             String resolution, String actor, RootCause rootCause,
                             String responsibleParty) implements TicketEvent {

    /** A resolution without root cause and responsible party (the v1 fields before they were added). */
    public TicketResolved(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                          String resolution, String actor) {
        this(eventId, occurredAt, complaintId, ticketId, branch, resolution, actor, null, null);
    }

    @Override
    public String summary() {
        return "Ticket resolved at branch " + branch + " by " + actor + ": " + resolution
                + (rootCause == null ? "" : " (root cause " + rootCause + ", responsible: " + responsibleParty + ")");
    }
}
