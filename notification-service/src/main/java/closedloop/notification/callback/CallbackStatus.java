package closedloop.notification.callback;

import java.util.List;

/** Where a callback task is. */
public enum CallbackStatus {
    /**
     * The customer is still to be called: calls may be recorded, or the outcome once they are reached. Also where the
     * survey's satisfied reply sends the callback back while promises are open (its held reply): the outcome only.
     */
    OPEN(List.of(CallbackStatus.RECORD_ATTEMPT, CallbackStatus.RECORD_OUTCOME)),
    /** Every call failed, so the SMS survey went out: the customer's reply, or an agent's late call, completes it. */
    SURVEY_SENT(List.of(CallbackStatus.ANSWER_SURVEY, CallbackStatus.RECORD_OUTCOME)),
    /** The outcome is recorded. */
    COMPLETED(List.of());

    /** The action that records one call to the customer. */
    public static final String RECORD_ATTEMPT = "attempt";
    /** The action that records what the customer said. */
    public static final String RECORD_OUTCOME = "outcome";
    /** The customer's SMS reply to the survey. */
    public static final String ANSWER_SURVEY = "reply";

    private final List<String> allowedActions;

    CallbackStatus(List<String> allowedActions) {
        this.allowedActions = allowedActions;
    }

    /** The actions a callback in this state allows. */
    public List<String> allowedActions() {
        return allowedActions;
    }
}
