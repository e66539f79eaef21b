package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** The customer was unsatisfied: the complaint goes back to the branch that handled it (发回重办), one priority up. */
public record ComplaintReopened(UUID eventId, Instant occurredAt, String complaintId, int reopenCount,
                                Priority priority, String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Complaint reopened (" + reopenCount + ". time), priority " + priority;
    }
}
