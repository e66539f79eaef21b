package closedloop.notification.message.web;

import closedloop.notification.message.Message;
import closedloop.notification.message.MessageChannel;
import closedloop.notification.message.MessageStatus;
import closedloop.notification.message.Purpose;

import java.time.Instant;

/** A message as the API shows it. */
public record MessageView(String id, String complaintId, String recipient, MessageChannel channel, Purpose purpose,
                          String text, MessageStatus status, Instant createdAt, Instant sentAt) {

    static MessageView of(Message message) {
        return new MessageView(message.id(), message.complaintId(), message.recipient(), message.channel(),
                message.purpose(), message.text(), message.status(), message.createdAt(), message.sentAt());
    }
}
