package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor released the branch from a promise made to the customer, with the reason, so that the complaint may
 * close while it is not kept.
 *
 * @param obligationId the obligation, {@code <complaintId>-<n>} for the n-th promise of the complaint (from 1)
 */
public record ObligationWaived(UUID eventId, Instant occurredAt, String complaintId, String obligationId,
                               PromiseKind kind, String reason, String actor) implements ClosedLoopEvent {

    @Override
    public String summary() {
        return "Promise (" + kind + ") waived by " + actor + ": " + reason;
    }
}
