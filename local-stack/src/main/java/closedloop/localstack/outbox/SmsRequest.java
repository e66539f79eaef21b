package closedloop.localstack.outbox;

import closedloop.platform.PhoneNumbers;

import java.util.ArrayList;
import java.util.List;

/**
 * What notification-service posts to an SMS gateway: the message id as the reference, the phone number, the text and
 * the operator's signature and template (which a real gateway needs and the demo only records).
 */
public record SmsRequest(String reference, String to, String text, String signName, String templateCode) {

    /** The required fields that are missing or blank, in the order of the record; empty when the request is whole. */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        if (blank(reference)) {
            missing.add("reference");
        }
        if (blank(to)) {
            missing.add("to");
        }
        if (blank(text)) {
            missing.add("text");
        }
        return missing;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Prints the phone masked: Spring logs the bodies it reads at DEBUG. */
    @Override
    public String toString() {
        return PhoneNumbers.toMaskedString(this);
    }
}
