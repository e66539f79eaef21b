package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A promise to the customer was not kept by its due time: the supervisors take it up (督办), as for a ticket's limit.
 *
 * @param obligationId the obligation, {@code <complaintId>-<n>} for the n-th promise of the complaint (from 1)
 * @param branch       the branch that owes it, null when no ticket was dispatched yet
 */
public record ObligationBreached(UUID eventId, Instant occurredAt, String complaintId, String obligationId,
                                 PromiseKind kind, String branch, Instant dueAt) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Promise (" + kind + ") not kept by " + dueAt + (branch == null ? "" : " at branch " + branch);
    }
}
