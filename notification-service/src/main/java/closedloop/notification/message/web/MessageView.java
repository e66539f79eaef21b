package closedloop.notification.message.web;

import closedloop.notification.message.DeliveryAttempt;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageStatus;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;
import closedloop.platform.PhoneNumbers;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A message as the API shows it, with where it is on its way out: HELD until {@code heldUntil}, PENDING and due at
 * {@code nextAttemptAt}, SENT at {@code sentAt}, FAILED at {@code failedAt} or SUPPRESSED (never sent, for the reason
 * {@code suppressedBecause} gives); how often it was tried, what went wrong last, and its latest attempts.
 * <p>
 * To everyone but a supervisor it shows what identifies the customer as {@code 138****8000}: the recipient of a
 * customer's message and every phone number in the subject, the words and the errors. A supervisor sees them as sent.
 * The callback survey's reply code in its words is {@code ****} to everyone: only the customer's phone may know it.
 * Everything else stays as sent: the words still say what the customer was told.
 */
public record MessageView(String id, String complaintId, String recipient, RecipientKind recipientKind,
                          MessageChannel channel, Purpose purpose, String subject, String text, MessageStatus status,
                          Instant createdAt, Instant heldUntil, Instant nextAttemptAt, int attempts, String lastError,
                          Instant lastAttemptAt, List<DeliveryAttempt> recentAttempts, Instant sentAt,
                          Instant failedAt, String suppressedBecause) {

    /**
     * A reply code in the words of a callback survey: 4 to 6 digits without a leading zero (ReplyCodes), standing
     * alone, not part of a date, a time or the complaint number.
     */
    private static final Pattern REPLY_CODE = Pattern.compile("(?<![0-9\\-:./])[1-9][0-9]{3,5}(?![0-9\\-:./])");

    /** The message with its phone numbers as stored when {@code phonesShown}, else masked; the reply code masked. */
    static MessageView of(Message message, boolean phonesShown) {
        return new MessageView(message.id(), message.complaintId(),
                phonesShown ? message.recipient() : recipient(message), message.recipientKind(),
                message.channel(), message.purpose(),
                phonesShown ? message.subject() : PhoneNumbers.maskAll(message.subject()),
                text(message, phonesShown), message.status(),
                message.createdAt(), message.heldUntil(), message.nextAttemptAt(), message.attempts(),
                phonesShown ? message.lastError() : PhoneNumbers.maskAll(message.lastError()), message.lastAttemptAt(),
                phonesShown ? message.recentAttempts() : message.recentAttempts().stream()
                        .map(attempt -> new DeliveryAttempt(attempt.at(), PhoneNumbers.maskAll(attempt.error())))
                        .toList(),
                message.sentAt(), message.failedAt(), message.suppressedBecause());
    }

    private static String recipient(Message message) {
        return message.recipientKind() == RecipientKind.CUSTOMER ? PhoneNumbers.mask(message.recipient())
                : PhoneNumbers.maskAll(message.recipient());
    }

    private static String text(Message message, boolean phonesShown) {
        String text = phonesShown ? message.text() : PhoneNumbers.maskAll(message.text());
        return message.purpose() == Purpose.CALLBACK_SURVEY && text != null
                ? REPLY_CODE.matcher(text).replaceAll(code -> String.valueOf(PhoneNumbers.HIDDEN).repeat(4))
                : text;
    }

    /** Prints phone numbers masked, also of a view a supervisor sees: Spring logs the bodies it writes at DEBUG. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
