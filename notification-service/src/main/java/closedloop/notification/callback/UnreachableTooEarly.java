package closedloop.notification.callback;

import java.util.List;

/**
 * An agent recorded UNREACHABLE before every call failed: the customer counts as unreachable only once the calls are
 * used up and the SMS survey is out (SURVEY_SENT), never after a call reached them. The answer says why, with
 * {@code attempts} (the calls recorded) and {@code reached}.
 */
public class UnreachableTooEarly extends IllegalCallbackTransition {

    private final int attemptsMade;
    private final boolean reached;

    public UnreachableTooEarly(CallbackStatus currentState, List<String> allowedActions, int attemptsMade,
                               boolean reached) {
        super("record UNREACHABLE as the outcome of", currentState, allowedActions, reason(attemptsMade, reached));
        this.attemptsMade = attemptsMade;
        this.reached = reached;
        detail("attempts", attemptsMade);
        detail("reached", reached);
    }

    /** How many calls were recorded. */
    public int attemptsMade() {
        return attemptsMade;
    }

    /** Whether a call reached the customer. */
    public boolean reached() {
        return reached;
    }

    /** Why UNREACHABLE is refused, for people: the answer's detail. */
    private static String reason(int attemptsMade, boolean reached) {
        return reached
                ? "A call reached the customer; record what they said instead of UNREACHABLE"
                : "UNREACHABLE is recorded only after every call failed and the SMS survey is out; "
                + attemptsMade + " call(s) recorded so far";
    }
}
