package closedloop.notification.callback;

import closedloop.platform.domain.IllegalTransition;

import java.util.List;

/** The action is not allowed in the callback's current state; the platform answers it with a 409. */
public class IllegalCallbackTransition extends IllegalTransition {

    private static final String WHAT = "callback";

    public IllegalCallbackTransition(String action, CallbackStatus currentState) {
        this(action, currentState, currentState.allowedActions());
    }

    /** As above, with what the callback allows instead as it is now (after a call reached the customer: less). */
    public IllegalCallbackTransition(String action, CallbackStatus currentState, List<String> allowedActions) {
        super(WHAT, action, currentState, allowedActions);
    }

    /** As above, with a detail that says why rather than only "cannot … in this state". */
    protected IllegalCallbackTransition(String action, CallbackStatus currentState, List<String> allowedActions,
                                        String detail) {
        super(WHAT, action, currentState, allowedActions, detail);
    }
}
