package closedloop.notification.callback.web;

/**
 * The worklist filters: DUE (open and the hotline can act now: no call yet, the spacing after the last failed call
 * has passed, or the customer was reached and the outcome is owed) or a callback state.
 */
public enum CallbackWorklistStatus {
    DUE, OPEN, SURVEY_SENT, COMPLETED
}
