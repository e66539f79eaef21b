package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Three quarters of a corrective action's working time passed and it is not done (催办), as for a ticket's limit.
 */
public record CorrectiveActionWarned(UUID eventId, Instant occurredAt, String complaintId, String problemId,
                                     String actionId, String what, String owner,
                                     Instant dueAt) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Corrective action for problem " + problemId + " due " + dueAt + " (" + owner + "): " + what;
    }
}
