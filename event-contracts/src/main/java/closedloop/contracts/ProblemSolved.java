package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The problem the complaint is linked to was closed with its corrective actions done; told to every linked
 * complaint.
 *
 * @param notifyCustomer whether the complaint's customer is to be told by SMS
 */
public record ProblemSolved(UUID eventId, Instant occurredAt, String complaintId, String problemId, String title,
                            String resolution, boolean notifyCustomer, String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Problem " + problemId + " solved (" + actor + "): " + resolution;
    }
}
