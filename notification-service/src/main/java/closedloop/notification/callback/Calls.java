package closedloop.notification.callback;

import closedloop.contracts.CallbackAttemptResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls the hotline made for a callback, oldest first, and whether one of them reached the customer.
 *
 * @param made    the calls, numbered from 1
 * @param reached whether a call reached the customer (then no more calls are made, the outcome is owed)
 */
public record Calls(List<CallbackAttempt> made, boolean reached) {

    public Calls {
        made = made == null ? List.of() : List.copyOf(made);
    }

    /** No call yet. */
    public static Calls none() {
        return new Calls(List.of(), false);
    }

    /** How many calls were made. */
    public int count() {
        return made.size();
    }

    /** The next call, numbered after the ones made. */
    CallbackAttempt next(CallbackAttemptResult result, String note, Instant at, String actor) {
        return new CallbackAttempt(count() + 1, result, note, at, actor);
    }

    /** These calls and one more. */
    Calls and(CallbackAttempt call) {
        List<CallbackAttempt> calls = new ArrayList<>(made);
        calls.add(call);
        return new Calls(calls, reached || !call.failed());
    }
}
