package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The customer was called back and the complaint is closed (结案), satisfied or unreachable. */
public record ComplaintClosed(UUID eventId, Instant occurredAt, String complaintId, CallbackOutcome outcome,
                              String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Complaint closed after callback: " + outcome;
    }
}
