package closedloop.notification.message;

/**
 * Published inside the application (not to Kafka) once a new message is stored, so that the delivery pass looks for
 * due messages now rather than at its next interval.
 *
 * @param messageId the message just stored
 * @param status    HELD or PENDING
 */
public record MessageRecorded(String messageId, MessageStatus status) {
}
