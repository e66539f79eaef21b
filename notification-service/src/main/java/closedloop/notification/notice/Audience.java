package closedloop.notification.notice;

import closedloop.platform.PhoneNumbers;

/**
 * Whom an event concerns: the customer's phone and the branch's code, as far as the event tells them. The supervisors
 * need no address from the event.
 *
 * @param customerPhone the customer's phone number; null when the message goes to staff only
 * @param branch        the branch's code; null when the message goes to no branch
 */
public record Audience(String customerPhone, String branch) {

    /** The customer with this phone number. */
    public static Audience customer(String phone) {
        return new Audience(phone, null);
    }

    /** The branch with this code, and the supervisors. */
    public static Audience branch(String code) {
        return new Audience(null, code);
    }

    /** The supervisors only. */
    public static Audience supervisors() {
        return new Audience(null, null);
    }

    /** Prints the phone masked: an audience may end up in a log line. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
