package closedloop.notification.message;

/**
 * Which messages to list: those matching every criterion given; a null criterion matches any message.
 *
 * @param complaintId the complaint they are about
 * @param recipient   their recipient, e.g. {@code branch:LIXIA-01}, {@code supervisors} or a phone number
 * @param status      where they are on their way out
 */
public record MessageFilter(String complaintId, String recipient, MessageStatus status) {

    /** Whether no criterion is given, so that every message would match. */
    public boolean isEmpty() {
        return complaintId == null && recipient == null && status == null;
    }
}
