package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A corrective action (整改措施) was added to a problem's plan: what is to be done, by whom, by when. Told under the key
 * of the problem's first complaint.
 *
 * @param actionId the action, {@code <problemId>-A<n>} for the problem's n-th action
 * @param owner    who is to do it, e.g. a branch
 */
public record CorrectiveActionPlanned(UUID eventId, Instant occurredAt, String complaintId, String problemId,
                                      String actionId, String what, String owner, Instant dueAt,
                                      String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Corrective action for problem " + problemId + " planned by " + actor + ": " + what + " (" + owner
                + ", due " + dueAt + ")";
    }
}
