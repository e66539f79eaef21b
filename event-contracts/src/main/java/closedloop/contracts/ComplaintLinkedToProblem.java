package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The complaint was linked to a problem (问题单): its cause is being fixed for every complaint of the problem at once.
 *
 * @param actor the supervisor who linked it by hand; null when it matched the problem and was linked automatically
 */
public record ComplaintLinkedToProblem(UUID eventId, Instant occurredAt, String complaintId, String problemId,
                                       String title, String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Linked to problem " + problemId + (actor == null ? "" : " by " + actor) + ": " + title;
    }
}
