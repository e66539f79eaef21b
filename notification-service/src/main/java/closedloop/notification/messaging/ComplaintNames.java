package closedloop.notification.messaging;

import closedloop.notification.contact.Contact;
import closedloop.notification.contact.Contacts;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;

/** How staff messages name a complaint, and the variables every staff message about a ticket shares. */
final class ComplaintNames {

    private ComplaintNames() {
    }

    /** The complaint's number when its registration was seen; its id otherwise, so that staff are told anyway. */
    static Mono<String> of(Contacts contacts, String complaintId) {
        return contacts.find(complaintId).map(Contact::number).defaultIfEmpty(complaintId);
    }

    /**
     * The variables {@code number} and {@code ticketId} and the further names and values given in pairs; values may
     * be null (an escalation without a limit).
     */
    static Map<String, Object> variables(String number, String ticketId, Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("number", number);
        variables.put("ticketId", ticketId);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }
}
