package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/** A corrective action's due date passed and it is not done: its problem goes onto the office meeting's agenda. */
public record CorrectiveActionOverdue(UUID eventId, Instant occurredAt, String complaintId, String problemId,
                                      String actionId, String what, String owner,
                                      Instant dueAt) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Corrective action for problem " + problemId + " overdue since " + dueAt + " (" + owner + "): " + what;
    }
}
