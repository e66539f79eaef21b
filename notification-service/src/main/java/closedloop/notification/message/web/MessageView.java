package closedloop.notification.message.web;

import closedloop.notification.message.DeliveryAttempt;
import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageStatus;
import closedloop.notification.message.Purpose;
import closedloop.notification.message.RecipientKind;

import java.time.Instant;
import java.util.List;

/**
 * A message as the API shows it, with where it is on its way out: HELD until {@code heldUntil}, PENDING and due at
 * {@code nextAttemptAt}, SENT at {@code sentAt}, FAILED at {@code failedAt} or SUPPRESSED (never sent, for the reason
 * {@code suppressedBecause} gives); how often it was tried, what went wrong last, and its latest attempts.
 */
public record MessageView(String id, String complaintId, String recipient, RecipientKind recipientKind,
                          MessageChannel channel, Purpose purpose, String subject, String text, MessageStatus status,
                          Instant createdAt, Instant heldUntil, Instant nextAttemptAt, int attempts, String lastError,
                          Instant lastAttemptAt, List<DeliveryAttempt> recentAttempts, Instant sentAt,
                          Instant failedAt, String suppressedBecause) {

    static MessageView of(Message message) {
        return new MessageView(message.id(), message.complaintId(), message.recipient(), message.recipientKind(),
                message.channel(), message.purpose(), message.subject(), message.text(), message.status(),
                message.createdAt(), message.heldUntil(), message.nextAttemptAt(), message.attempts(),
                message.lastError(), message.lastAttemptAt(), message.recentAttempts(), message.sentAt(),
                message.failedAt(), message.suppressedBecause());
    }
}
