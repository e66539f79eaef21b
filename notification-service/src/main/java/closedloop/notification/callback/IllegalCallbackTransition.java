package closedloop.notification.callback;

import java.util.List;

/** The action is not allowed in the callback's current state. */
public class IllegalCallbackTransition extends RuntimeException {

    private final String action;
    private final CallbackStatus currentState;

    public IllegalCallbackTransition(String action, CallbackStatus currentState) {
        super("Cannot " + action + " a callback that is " + currentState);
        this.action = action;
        this.currentState = currentState;
    }

    public String action() {
        return action;
    }

    public CallbackStatus currentState() {
        return currentState;
    }

    public List<String> allowedActions() {
        return currentState.allowedActions();
    }
}
