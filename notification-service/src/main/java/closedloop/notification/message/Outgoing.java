package closedloop.notification.message;

import closedloop.platform.PhoneNumbers;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

import java.util.UUID;

/**
 * A message to be sent because of an event: what {@link Messenger#send(Outgoing)} records and delivers, and what the
 * recorded {@link Message} holds whole (stored as its {@code outgoing} field).
 *
 * @param causeEventId  the event that causes it; with purpose, recipient kind and channel it decides the message's id
 * @param complaintId   the complaint it is about
 * @param purpose       why it is sent
 * @param recipientKind who it is for
 * @param channel       how it goes out
 * @param recipient     the address on that channel: a phone number (SMS), comma-separated mail addresses (EMAIL),
 *                      {@code branch:<code>} or {@code supervisors} (LIVE)
 * @param subject       the mail's subject; null on the other channels
 * @param text          the words, already rendered in the recipient's language
 */
public record Outgoing(@Field(targetType = FieldType.STRING) UUID causeEventId, String complaintId, Purpose purpose,
                       RecipientKind recipientKind, MessageChannel channel, String recipient, String subject,
                       String text) {

    /**
     * Prints the phone masked and the words as their length (a survey's words hold its reply code): a message may end
     * up in a log line.
     */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(new Outgoing(causeEventId, complaintId, purpose, recipientKind, channel,
                recipient, subject, text == null ? null : "(" + text.length() + " characters)"));
    }
}
