package closedloop.router.routing;

import closedloop.platform.domain.IllegalTransition;

import java.util.List;

/**
 * An action the ticket's current status does not allow, e.g. resolving a ticket nobody signed for. The platform
 * answers it as a 409 naming the status and the allowed actions by their labels, the last segments of their paths.
 */
public class IllegalTicketTransition extends IllegalTransition {

    public IllegalTicketTransition(TicketStatus currentState, TicketAction action, List<TicketAction> allowedActions) {
        super("ticket", action.label(), currentState, TicketAction.labels(allowedActions));
    }
}
