package closedloop.notification.contact;

import closedloop.platform.PhoneNumbers;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to reach the customer who raised a complaint, remembered from its registration.
 *
 * @param complaintId the complaint, also the document's id
 * @param number      the complaint's human number, e.g. {@code TS-20261122-000123}
 * @param name        the customer's name
 * @param phone       the customer's phone number
 */
@Document("contacts")
public record Contact(@Id String complaintId, String number, String name, String phone) {

    /** Prints the phone masked: a contact may end up in a log line. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
