package closedloop.escalation.supervision;

/** An alert was asked to do what its status does not allow. */
public class IllegalAlertTransition extends RuntimeException {

    private final AlertStatus currentState;

    public IllegalAlertTransition(String action, AlertStatus currentState) {
        super("Cannot " + action + " an alert that is " + currentState);
        this.currentState = currentState;
    }

    public AlertStatus currentState() {
        return currentState;
    }
}
