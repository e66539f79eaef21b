package closedloop.escalation.supervision;

import closedloop.platform.domain.IllegalTransition;

import java.util.List;

/** An alert was asked to do what its status does not allow; the platform answers it with a 409 naming the status. */
public class IllegalAlertTransition extends IllegalTransition {

    private final AlertStatus status;

    public IllegalAlertTransition(String action, AlertStatus status) {
        super("alert", action, status, List.of());
        this.status = status;
    }

    public AlertStatus status() {
        return status;
    }
}
