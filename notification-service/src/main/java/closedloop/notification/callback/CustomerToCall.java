package closedloop.notification.callback;

import closedloop.notification.contact.Contact;

/**
 * The customer the hotline calls back, as the complaint's registration named them.
 *
 * @param complaintNumber the complaint's number, which the agent and the survey SMS name
 * @param name            the customer's name
 * @param phone           the number to call, and to text the survey to
 */
public record CustomerToCall(String complaintNumber, String name, String phone) {

    /** The customer the contact remembered from the registration names. */
    public static CustomerToCall of(Contact contact) {
        return new CustomerToCall(contact.number(), contact.name(), contact.phone());
    }

    /** Prints the phone masked: the customer to call may end up in a log line. */
    @Override
    public String toString() {
        return closedloop.platform.PhoneNumbers.toMaskedString(this);
    }
}
