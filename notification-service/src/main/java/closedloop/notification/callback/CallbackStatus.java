package closedloop.notification.callback;

import java.util.List;

/** Where a callback task is. */
public enum CallbackStatus {
    /** The customer is still to be called. */
    OPEN(List.of(CallbackStatus.RECORD_OUTCOME)),
    /** The outcome of the call is recorded. */
    COMPLETED(List.of());

    /** The action that records what the customer said. */
    public static final String RECORD_OUTCOME = "outcome";

    private final List<String> allowedActions;

    CallbackStatus(List<String> allowedActions) {
        this.allowedActions = allowedActions;
    }

    /** The actions a callback in this state allows. */
    public List<String> allowedActions() {
        return allowedActions;
    }
}
