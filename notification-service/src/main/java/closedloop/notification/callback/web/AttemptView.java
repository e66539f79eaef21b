package closedloop.notification.callback.web;

import closedloop.contracts.CallbackAttemptResult;
import closedloop.notification.callback.CallbackAttempt;

import java.time.Instant;

/** One call of a callback as the API shows it. */
public record AttemptView(int number, CallbackAttemptResult result, String note, Instant at, String actor) {

    static AttemptView of(CallbackAttempt attempt) {
        return new AttemptView(attempt.number(), attempt.result(), attempt.note(), attempt.at(), attempt.actor());
    }
}
