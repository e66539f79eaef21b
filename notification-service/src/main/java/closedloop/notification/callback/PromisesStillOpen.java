package closedloop.notification.callback;

import closedloop.contracts.CallbackOutcome;
import closedloop.platform.domain.IllegalTransition;

import java.util.List;

/**
 * A callback may not record the customer (basically) satisfied while a promise made to them is neither kept nor
 * waived: the branch records how it kept it, or a supervisor waives it with a reason. Answered 409 with the open
 * obligations.
 */
public class PromisesStillOpen extends IllegalTransition {

    public PromisesStillOpen(CallbackStatus state, List<String> open) {
        super("callback", "record as satisfied", state, List.of("attempt", "outcome UNSATISFIED"),
                "The customer was promised what is not kept yet (" + String.join(", ", open) + "): the branch "
                        + "records how it kept each promise, or a supervisor waives it, before the customer is "
                        + "recorded satisfied");
        detail("openObligations", List.copyOf(open));
    }

    /**
     * Whether the rule guards this outcome: SATISFIED and BASICALLY_SATISFIED need every promise kept or waived, any
     * other outcome may be recorded as it is. Whoever records it (an agent, the customer's SMS reply) obeys it.
     */
    public static boolean guards(CallbackOutcome outcome) {
        return outcome == CallbackOutcome.SATISFIED || outcome == CallbackOutcome.BASICALLY_SATISFIED;
    }
}
