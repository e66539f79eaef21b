package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The complaint was returned or re-routed 3 times with nobody signing for it; the escalation ladder takes it to the office meeting. */
public record TicketUnclaimed(UUID eventId, Instant occurredAt, String complaintId, String ticketId, String branch,
                              int timesPassedOn) implements TicketEvent {

    @Override
    public String summary() {
        return "Passed on " + timesPassedOn + " times without anybody signing for it; last at branch " + branch;
    }
}
