package closedloop.intake.complaint;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a complaint stands in the loop, and the moves allowed from each status:
 * <pre>
 * REGISTERED ──assigned──▶ ASSIGNED ──resolved──▶ RESOLVED ──callback satisfied/unreachable──▶ CLOSED
 *                            ▲  │ (re-routed: assigned again)        │
 *                            └──┴──────── REOPENED ◀──callback unsatisfied
 * </pre>
 */
public enum ComplaintStatus {

    /** Logged and numbered; waiting for a branch. */
    REGISTERED,
    /** A branch holds a ticket for it. */
    ASSIGNED,
    /** The branch resolved it; the customer is to be called back. */
    RESOLVED,
    /** The customer was unsatisfied; it goes back to the branch (发回重办). */
    REOPENED,
    /** Closed after the callback (结案); final. */
    CLOSED;

    /** The statuses this one may move to. */
    public Set<ComplaintStatus> next() {
        return switch (this) {
            case REGISTERED, REOPENED -> EnumSet.of(ASSIGNED);
            case ASSIGNED -> EnumSet.of(ASSIGNED, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.noneOf(ComplaintStatus.class);
        };
    }

    public boolean canMoveTo(ComplaintStatus target) {
        return next().contains(target);
    }
}
