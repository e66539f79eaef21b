package closedloop.notification.notice;

import closedloop.platform.PhoneNumbers;
import java.time.Instant;
import java.util.UUID;

/**
 * The SMS survey of a callback whose calls all failed, as the customer is to get it.
 *
 * @param surveySentEventId the callback's {@code CallbackSurveySent}: the cause of the SMS, so it is sent once
 * @param complaintId       the complaint the callback is about
 * @param number            the complaint's number, as the customer knows it
 * @param phone             the customer's phone number
 * @param replyCode         the code the customer's reply starts with
 * @param replyBy           until when a reply counts
 */
public record CallbackSurvey(UUID surveySentEventId, String complaintId, String number, String phone,
                             String replyCode, Instant replyBy) {

    /** Prints the phone masked and the reply code hidden: a survey may end up in a log line. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(new CallbackSurvey(surveySentEventId, complaintId, number, phone,
                replyCode == null ? null : "****", replyBy));
    }
}
