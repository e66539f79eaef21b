package closedloop.escalation.league;

import closedloop.contracts.AssignmentReason;
import closedloop.contracts.CallbackOutcome;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What the events told about one ticket (工单), one document per ticket id. Each field is written by one kind of event
 * with {@code $set}, {@code $min} or {@code $max}, so that the facts are the same whatever order the topics deliver
 * them in and however often an event is delivered. A fact not known yet is null.
 *
 * @param branch           the branch the ticket was dispatched to (from TicketAssigned)
 * @param dispatchedAt     when it was dispatched; null while only other topics' events about it have arrived
 * @param signForDeadline  the SIGN_FOR clock's deadline (ClockStarted)
 * @param resolveDeadline  the latest RESOLVE deadline: ClockStarted, moved by ExtensionApproved, ClocksResumed and
 *                         DeadlineMoved (a calendar upload)
 * @param releasedAt       when the branch stopped holding it: the earliest of resolved, returned and transferred
 * @param pausedAt         the latest ClocksPaused (waiting on the customer)
 * @param resumedAt        the latest ClocksResumed
 * @param reopenedAt       when the complaint was sent back to the branch after this ticket (发回重办): a REOPENED
 *                         TicketAssigned that names this ticket as its previous one
 * @param callbackOutcome  what the customer said when called back about this ticket (CallbackCompleted)
 */
@Document(TicketFact.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "dispatchedAt_branch", def = "{'dispatchedAt': 1, 'branch': 1}"),
        @CompoundIndex(name = "releasedAt_dispatchedAt", def = "{'releasedAt': 1, 'dispatchedAt': 1}")
})
public record TicketFact(@Id String ticketId, String complaintId, String branch, AssignmentReason reason,
                         Instant dispatchedAt, Instant signForDeadline, Instant resolveDeadline, Instant acceptedAt,
                         Instant resolvedAt, Instant returnedAt, Instant transferredAt, Instant releasedAt,
                         Instant pausedAt, Instant resumedAt, Instant reopenedAt, CallbackOutcome callbackOutcome,
                         Instant callbackAt) {

    public static final String COLLECTION = "league_tickets";

    /** Whether the branch still holds it: dispatched, and neither resolved, returned nor transferred. */
    public boolean isOpen() {
        return dispatchedAt != null && releasedAt == null;
    }

    /**
     * Whether the branch signed for it in time: true when signed for by the deadline, false when signed for later or
     * when the deadline passed ({@code now} is later) while the ticket lay unsigned at the branch; null when it does
     * not count (no deadline known, the deadline still ahead, or passed on unsigned by the deadline).
     */
    public Boolean signedForOnTime(Instant now) {
        if (signForDeadline == null) {
            return null;
        }
        if (acceptedAt != null) {
            return !acceptedAt.isAfter(signForDeadline);
        }
        return heldPast(signForDeadline, now) ? Boolean.FALSE : null;
    }

    /**
     * Whether the branch resolved it in time: true when resolved by the (possibly extended) resolve deadline, false
     * when resolved later or when the deadline passed while the branch still held it unresolved; null when it does
     * not count (no deadline known, the deadline still ahead, passed on by the deadline, or open and waiting on the
     * customer since before the deadline).
     */
    public Boolean resolvedOnTime(Instant now) {
        if (resolveDeadline == null) {
            return null;
        }
        if (resolvedAt != null) {
            return !resolvedAt.isAfter(resolveDeadline);
        }
        if (isOpen() && waitingOnCustomerSinceBefore(resolveDeadline)) {
            return null;
        }
        return heldPast(resolveDeadline, now) ? Boolean.FALSE : null;
    }

    /** Whether it is open and its resolve deadline is before {@code now} (a wait on the customer stops the clock). */
    public boolean isOverdue(Instant now) {
        return isOpen() && resolveDeadline != null && resolveDeadline.isBefore(now)
                && !waitingOnCustomerSinceBefore(resolveDeadline);
    }

    /** Whether the customer answered the callback: any outcome but UNREACHABLE. */
    public boolean hasCallbackAnswer() {
        return callbackOutcome != null && callbackOutcome != CallbackOutcome.UNREACHABLE;
    }

    /** Whether the answer was SATISFIED or BASICALLY_SATISFIED. */
    public boolean isSatisfied() {
        return callbackOutcome == CallbackOutcome.SATISFIED || callbackOutcome == CallbackOutcome.BASICALLY_SATISFIED;
    }

    /** The deadline passed before {@code now} while the ticket was at the branch (not released by then). */
    private boolean heldPast(Instant deadline, Instant now) {
        return dispatchedAt != null && deadline.isBefore(now) && (releasedAt == null || releasedAt.isAfter(deadline));
    }

    /** The clocks are paused now, and the pause began before the deadline passed. */
    private boolean waitingOnCustomerSinceBefore(Instant deadline) {
        return pausedAt != null && (resumedAt == null || resumedAt.isBefore(pausedAt)) && pausedAt.isBefore(deadline);
    }
}
