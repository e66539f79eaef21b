package closedloop.escalation.supervision;

/** An office-meeting item was asked to do what its status does not allow. */
public class IllegalAgendaTransition extends RuntimeException {

    private final AgendaStatus currentState;

    public IllegalAgendaTransition(String action, AgendaStatus currentState) {
        super("Cannot " + action + " an office-meeting item that is " + currentState);
        this.currentState = currentState;
    }

    public AgendaStatus currentState() {
        return currentState;
    }
}
