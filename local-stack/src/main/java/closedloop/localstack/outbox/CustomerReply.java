package closedloop.localstack.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * What a customer texts back to the demo SMS gateway ({@code POST /sms/replies}), which it forwards to
 * notification-service signed: the phone it comes from and the text.
 */
public record CustomerReply(String from, String text) {

    /** The fields that are missing or blank, in the order of the record; empty when the reply is whole. */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        if (from == null || from.isBlank()) {
            missing.add("from");
        }
        if (text == null || text.isBlank()) {
            missing.add("text");
        }
        return missing;
    }
}
