package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The branch gave the ticket back (退单) with a reason; the complaint is routed elsewhere. Counted against that branch. */
public record TicketReturned(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                             ReturnReason reason, String reasonText, int timesPassedOn, String actor) implements TicketEvent {

    @Override
    public String summary() {
        return "Ticket returned by branch " + branch + " (" + reason + (reasonText == null || reasonText.isBlank() ? "" : ": " + reasonText) + ") by " + actor;
    }
}
