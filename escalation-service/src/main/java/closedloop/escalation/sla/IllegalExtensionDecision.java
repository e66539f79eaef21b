package closedloop.escalation.sla;

import java.util.List;

/** An extension cannot be decided in its current state (it is not PENDING, or its ticket is no longer current). */
public class IllegalExtensionDecision extends RuntimeException {

    private final ExtensionStatus status;
    private final String action;

    IllegalExtensionDecision(ExtensionStatus status, String action) {
        super("Cannot " + action + " an extension that is " + status);
        this.status = status;
        this.action = action;
    }

    public ExtensionStatus status() {
        return status;
    }

    public String action() {
        return action;
    }

    /** What may still be done with an extension in this state. */
    public List<String> allowedActions() {
        return status == ExtensionStatus.PENDING ? List.of("approve", "refuse") : List.of();
    }
}
