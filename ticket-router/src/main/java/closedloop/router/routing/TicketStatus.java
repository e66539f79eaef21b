package closedloop.router.routing;

import java.util.Arrays;
import java.util.List;

/**
 * Where a ticket stands in the branch workflow; {@link TicketAction} says which actions lead where. Together they are
 * the ticket's state machine: {@link #after(TicketAction)} is the whole transition table.
 */
public enum TicketStatus {

    /** Dispatched to a branch, waiting to be signed for. */
    ASSIGNED,

    /** Signed for (签收) by the branch. */
    ACCEPTED,

    /** Someone at the branch is working on it: a handler was named or the customer was contacted. */
    IN_PROGRESS,

    /** The branch waits on the customer; the clocks pause. */
    WAITING_ON_CUSTOMER,

    /** Resolved by the branch; the customer is to be called back. Final. */
    RESOLVED,

    /** Given back by the branch (退单); the complaint went on to another ticket. Final. */
    RETURNED,

    /** Moved by the dispatch desk to another branch; the complaint went on to another ticket. Final. */
    TRANSFERRED;

    /** Whether the branch still holds the ticket (it is not resolved, returned or transferred). */
    public boolean isOpen() {
        return this == ASSIGNED || this == ACCEPTED || this == IN_PROGRESS || this == WAITING_ON_CUSTOMER;
    }

    /** The actions allowed in this status at a branch, in the order of the workflow (no dispatch). */
    public List<TicketAction> allowedActions() {
        return allowedActions(false);
    }

    /**
     * The actions allowed in this status, in the order of the workflow.
     *
     * @param atDispatchDesk whether the ticket sits at the dispatch desk, the only place {@code dispatch} is allowed
     */
    public List<TicketAction> allowedActions(boolean atDispatchDesk) {
        return Arrays.stream(TicketAction.values())
                .filter(action -> action.allowedIn(this))
                .filter(action -> action != TicketAction.DISPATCH || atDispatchDesk)
                .toList();
    }

    /** The status after the action; throws {@link IllegalTicketTransition} when this status does not allow it. */
    public TicketStatus after(TicketAction action) {
        if (!action.allowedIn(this)) {
            throw new IllegalTicketTransition(this, action, allowedActions());
        }
        return action.target() == null ? this : action.target();
    }
}
