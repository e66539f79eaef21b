package closedloop.notification.callback;

import closedloop.contracts.CallbackOutcome;
import closedloop.contracts.SurveyAnswers;

import java.time.Instant;

/**
 * What a completed callback came to.
 *
 * @param outcome     what the customer thinks of the resolution, or UNREACHABLE
 * @param note        what else they said, or why the callback ended as it did; optional
 * @param answers     their answers to the survey questions, by phone or SMS; null when they gave none
 * @param completedAt when it was recorded
 * @param completedBy who recorded it: an agent, {@code sms:<phone>} for the customer's reply, or {@code system}
 */
public record CallbackResult(CallbackOutcome outcome, String note, SurveyAnswers answers, Instant completedAt,
                             String completedBy) {
}
