package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A corrective action of a problem was done, as its owner or a supervisor recorded. */
public record CorrectiveActionDone(UUID eventId, Instant occurredAt, String complaintId, String problemId,
                                   String actionId, String what, String owner, String note,
                                   String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Corrective action for problem " + problemId + " done (" + actor + "): " + what;
    }
}
