package closedloop.notification.callback;

import java.util.List;

/** The action is not allowed in the callback's current state. */
public class IllegalCallbackTransition extends RuntimeException {

    private final String action;
    private final CallbackStatus currentState;
    private final List<String> allowedActions;

    public IllegalCallbackTransition(String action, CallbackStatus currentState) {
        this(action, currentState, currentState.allowedActions());
    }

    public IllegalCallbackTransition(String action, CallbackStatus currentState, List<String> allowedActions) {
        super("Cannot " + action + " a callback that is " + currentState);
        this.action = action;
        this.currentState = currentState;
        this.allowedActions = List.copyOf(allowedActions);
    }

    public String action() {
        return action;
    }

    public CallbackStatus currentState() {
        return currentState;
    }

    /** What the callback allows instead, as it is now. */
    public List<String> allowedActions() {
        return allowedActions;
    }
}
