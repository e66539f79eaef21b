package closedloop.router.routing;

import java.util.Arrays;
import java.util.List;

/** Where a ticket stands in the branch workflow; {@link TicketAction} says which actions lead where. */
public enum TicketStatus {

    /** Dispatched to a branch, waiting to be signed for. */
    ASSIGNED,

    /** Signed for by the branch, being worked on. */
    ACCEPTED,

    /** Resolved by the branch; the customer is to be called back. */
    RESOLVED;

    /** The actions allowed in this status, in the order of the workflow. */
    public List<TicketAction> allowedActions() {
        return Arrays.stream(TicketAction.values()).filter(action -> action.allowedIn(this)).toList();
    }

    /** The status after the action; throws {@link IllegalTicketTransition} when this status does not allow it. */
    public TicketStatus after(TicketAction action) {
        if (!action.allowedIn(this)) {
            throw new IllegalTicketTransition(this, action);
        }
        return action.target();
    }
}
