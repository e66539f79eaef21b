package closedloop.notification.callback.web;

import closedloop.notification.callback.AttemptTooSoon;
import closedloop.notification.callback.CallbackStatus;
import closedloop.notification.callback.IllegalCallbackTransition;
import closedloop.notification.callback.UnreachableTooEarly;
import closedloop.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/** The callback problems the platform's {@link Problems} has no shape for. */
final class CallbackProblems {

    private CallbackProblems() {
    }

    /**
     * 409 for a refused transition, naming the state and the actions allowed instead; an UNREACHABLE outcome before
     * the calls are used up also says why, with {@code attempts} (the calls recorded) and {@code reached}.
     */
    static ErrorResponseException illegal(IllegalCallbackTransition illegal) {
        ErrorResponseException error = Problems.illegalTransition("callback", illegal.action(),
                illegal.currentState(), illegal.allowedActions());
        if (illegal instanceof UnreachableTooEarly tooEarly) {
            error.getBody().setDetail(tooEarly.reason());
            error.getBody().setProperty("attempts", tooEarly.attemptsMade());
            error.getBody().setProperty("reached", tooEarly.reached());
        }
        return error;
    }

    /** 409: the previous call was too recent; {@code nextAttemptAt} says from when the next one is allowed. */
    static ErrorResponseException tooSoon(AttemptTooSoon tooSoon) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The previous call was too recent; the next call is allowed from " + tooSoon.nextAttemptAt());
        problem.setTitle("Too soon for the next call");
        problem.setProperty("currentState", CallbackStatus.OPEN.name());
        problem.setProperty("nextAttemptAt", tooSoon.nextAttemptAt().toString());
        problem.setProperty("allowedActions", List.of(CallbackStatus.RECORD_OUTCOME));
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    /** 404: no survey awaits this reply code from this phone; says nothing of surveys to other phones. */
    static ErrorResponseException noSurvey(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Survey not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
