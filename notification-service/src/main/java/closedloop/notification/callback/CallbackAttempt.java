package closedloop.notification.callback;

import closedloop.contracts.CallbackAttemptResult;

import java.time.Instant;

/**
 * One call the hotline made for a callback.
 *
 * @param number the number of the call for its callback, from 1
 * @param result how the call went
 * @param note   what the agent noted, optional
 * @param at     when the call was recorded
 * @param actor  who recorded it
 */
public record CallbackAttempt(int number, CallbackAttemptResult result, String note, Instant at, String actor) {

    /** Whether the call failed to reach the customer. */
    public boolean failed() {
        return result != CallbackAttemptResult.REACHED;
    }
}
