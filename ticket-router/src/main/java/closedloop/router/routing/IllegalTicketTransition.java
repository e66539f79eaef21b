package closedloop.router.routing;

import java.util.List;

/** An action the ticket's current status does not allow, e.g. resolving a ticket nobody signed for. */
public class IllegalTicketTransition extends RuntimeException {

    private final TicketStatus currentState;
    private final TicketAction action;
    private final List<TicketAction> allowedActions;

    public IllegalTicketTransition(TicketStatus currentState, TicketAction action, List<TicketAction> allowedActions) {
        super("Cannot " + action.label() + " a ticket that is " + currentState);
        this.currentState = currentState;
        this.action = action;
        this.allowedActions = List.copyOf(allowedActions);
    }

    public TicketStatus currentState() {
        return currentState;
    }

    public TicketAction action() {
        return action;
    }

    public List<TicketAction> allowedActions() {
        return allowedActions;
    }
}
