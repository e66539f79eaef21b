package closedloop.escalation.sla;

import closedloop.platform.domain.IllegalTransition;

import java.util.List;

/**
 * An extension cannot be decided in its current state (it is not PENDING, or its ticket is no longer current); the
 * platform answers it with a 409 naming the state and what may still be done.
 */
public class IllegalExtensionDecision extends IllegalTransition {

    private final ExtensionStatus status;

    IllegalExtensionDecision(ExtensionStatus status, String action) {
        super("extension", action, status, allowedActions(status));
        this.status = status;
    }

    public ExtensionStatus status() {
        return status;
    }

    /** What may still be done with an extension in this state. */
    private static List<String> allowedActions(ExtensionStatus status) {
        return status == ExtensionStatus.PENDING ? List.of("approve", "refuse") : List.of();
    }
}
