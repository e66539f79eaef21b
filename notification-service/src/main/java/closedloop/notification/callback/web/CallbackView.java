package closedloop.notification.callback.web;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.SurveyAnswers;
import closedloop.notification.callback.Callback;
import closedloop.notification.callback.CallbackResult;
import closedloop.notification.callback.CallbackStatus;
import closedloop.notification.callback.CustomerToCall;
import closedloop.notification.callback.HeldSurveyReply;
import closedloop.notification.callback.SmsSurvey;
import closedloop.platform.PhoneNumbers;

import java.time.Instant;
import java.util.List;

/**
 * A callback task as the API shows it; {@code overdue} (past {@code dueAt} and not completed) is judged at the moment
 * of the answer. {@code branch} resolved the ticket; {@code assignee} makes the callback. {@code nextAttemptAt} is
 * when the next call may be recorded (null when no more calls are allowed); {@code surveySentAt} and {@code replyBy}
 * are set once the SMS survey is out. The survey's reply code is never shown: only the customer's phone gets it, so that
 * a reply proves it comes from them. The customer's name and phone are shown: the hotline calls them. {@code heldReply}
 * is the customer's SMS answer that sent the callback back to the hotline (satisfied while promises were open), with
 * the reason; null when none did.
 */
public record CallbackView(String id, String complaintId, String complaintNumber, String customerName,
                           String customerPhone, String ticketId, String branch, String assignee,
                           CallbackStatus status, List<String> allowedActions, Instant openedAt, Instant dueAt,
                           boolean overdue, List<AttemptView> attempts, Instant nextAttemptAt,
                           Instant surveySentAt, Instant replyBy, CallbackOutcome outcome, String note,
                           SurveyAnswers survey, Instant completedAt, String completedBy, HeldReplyView heldReply) {

    private static final SmsSurvey NO_SURVEY = new SmsSurvey(null, null, null, null, null, null);
    private static final CallbackResult NO_RESULT = new CallbackResult(null, null, null, null, null);

    static CallbackView of(Callback callback, Instant now) {
        CustomerToCall customer = callback.customer();
        SmsSurvey survey = callback.survey() == null ? NO_SURVEY : callback.survey();
        CallbackResult result = callback.result() == null ? NO_RESULT : callback.result();
        return new CallbackView(callback.id(), callback.complaintId(), customer.complaintNumber(), customer.name(),
                customer.phone(), callback.ticketId(), callback.branch(), callback.assignee(), callback.status(),
                callback.allowedActions(), callback.openedAt(), callback.dueAt(), callback.overdueAt(now),
                callback.calls().made().stream().map(AttemptView::of).toList(), callback.nextAttemptAt(),
                survey.sentAt(), survey.replyBy(), result.outcome(), result.note(),
                result.answers(), result.completedAt(), result.completedBy(),
                HeldReplyView.of(callback.heldReply()));
    }

    /**
     * The customer's SMS answer the callback holds: what they answered, when, the obligations that were open and why
     * the callback is back with the hotline.
     */
    public record HeldReplyView(CallbackOutcome outcome, SurveyAnswers survey, Instant receivedAt,
                                List<String> openObligations, String reason) {

        static HeldReplyView of(HeldSurveyReply held) {
            return held == null ? null : new HeldReplyView(held.outcome(), held.answers(), held.receivedAt(),
                    held.openObligations(), held.reason());
        }
    }

    /** Prints the customer's phone masked: Spring logs the bodies it writes at DEBUG. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
