package closedloop.notification.message;

import closedloop.platform.PhoneNumbers;

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

    /** Prints the phone masked: a filter may end up in a log line. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
