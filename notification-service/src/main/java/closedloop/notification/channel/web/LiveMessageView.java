package closedloop.notification.channel.web;

import closedloop.notification.message.Message;
import closedloop.notification.message.Purpose;

import java.time.Instant;

/** A message as a staff console receives it live. */
public record LiveMessageView(String id, String complaintId, Purpose purpose, String recipient, String subject,
                              String text, Instant createdAt) {

    static LiveMessageView of(Message message) {
        return new LiveMessageView(message.id(), message.complaintId(), message.purpose(), message.recipient(),
                message.subject(), message.text(), message.createdAt());
    }
}
