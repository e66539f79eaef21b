package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Three quarters of the time to keep a promise passed and it is neither kept nor waived (催办), as for a ticket's
 * limit.
 *
 * @param obligationId the obligation, {@code <complaintId>-<n>} for the n-th promise of the complaint (from 1)
 * @param branch       the branch that owes it, null when no ticket was dispatched yet
 */
public record ObligationWarned(UUID eventId, Instant occurredAt, String complaintId, String obligationId,
                               PromiseKind kind, String branch, Instant dueAt) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Promise (" + kind + ") due " + dueAt + (branch == null ? "" : " at branch " + branch);
    }
}
