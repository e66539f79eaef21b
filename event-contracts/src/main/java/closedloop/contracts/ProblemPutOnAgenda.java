package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A problem was put on the office meeting's (办公会) agenda: by a supervisor, with the reason, or because one of its
 * corrective actions is overdue.
 *
 * @param actor the supervisor; null when an overdue action put it there
 */
public record ProblemPutOnAgenda(UUID eventId, Instant occurredAt, String complaintId, String problemId,
                                 String title, String reason, String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Problem " + problemId + " put on the office meeting's agenda"
                + (actor == null ? "" : " by " + actor) + ": " + reason;
    }
}
