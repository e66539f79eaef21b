package closedloop.notification.callback;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.SurveyAnswers;
import closedloop.platform.PhoneNumbers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The customer's SMS answer to the survey that did not complete the callback: they answered SATISFIED or
 * BASICALLY_SATISFIED while a promise made to them was neither kept nor waived, which no callback may record
 * ({@link PromisesStillOpen}). The callback went back to the hotline (SURVEY_SENT → OPEN) and keeps the answer here,
 * so that who answered what and when is not lost and the agent who calls the customer sees it.
 *
 * @param outcome         what the customer answered
 * @param answers         their scores and free text, as the reply gave them
 * @param receivedAt      when the reply was taken
 * @param from            who sent it: {@code sms:<phone>}, as a completing reply names its sender
 * @param openObligations the customer's obligations neither kept nor waived when the reply was taken
 */
public record HeldSurveyReply(CallbackOutcome outcome, SurveyAnswers answers, Instant receivedAt, String from,
                              List<String> openObligations) {

    public HeldSurveyReply {
        openObligations = openObligations == null ? List.of() : List.copyOf(openObligations);
    }

    /** Why the callback is back with the hotline, for the agent. */
    public String reason() {
        return "Promises still open: " + String.join(", ", openObligations) + ". The customer answered " + outcome
                + " by SMS at " + receivedAt + "; call them once each promise is kept or waived";
    }

    /** Whether the reply says what this held one said: the same reply delivered again. */
    boolean sameAs(SurveyReply reply) {
        return outcome == reply.outcome() && Objects.equals(answers, reply.answers());
    }

    /** Prints the sender's phone masked: a callback may end up in a log line. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
