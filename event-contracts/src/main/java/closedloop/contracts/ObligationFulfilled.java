package closedloop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A promise made to the customer was kept (承诺兑现): the branch that owed it recorded what it did, with evidence such
 * as the refund's reference.
 *
 * @param obligationId the obligation, {@code <complaintId>-<n>} for the n-th promise of the complaint (from 1)
 * @param branch       the branch that owed it, null when no ticket was dispatched yet
 * @param reference    the evidence, e.g. the refund's transaction number
 * @param dueAt        when it was due, so that a reader tells kept on time from kept late; null in events written
 *                     before it was added
 */
public record ObligationFulfilled(UUID eventId, Instant occurredAt, String complaintId, String obligationId,
                                  PromiseKind kind, String branch, String reference, String note,
                                  String actor, Instant dueAt) implements ClosedLoopEvent {

    /** A fulfilment without its due time (the v1 fields before it was added). */
    public ObligationFulfilled(UUID eventId, Instant occurredAt, String complaintId, String obligationId,
                               PromiseKind kind, String branch, String reference, String note, String actor) {
        this(eventId, occurredAt, complaintId, obligationId, kind, branch, reference, note, actor, null);
    }

    @Override
    public String summary() {
        return "Promise kept (" + kind + ") by " + actor + ", reference " + reference;
    }
}
