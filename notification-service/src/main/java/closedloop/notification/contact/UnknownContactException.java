package closedloop.notification.contact;

/**
 * An event about a complaint whose registration this service has not seen yet (normal while it catches up: the
 * registration comes on another topic, read by another consumer): the record is retried, holding its partition,
 * until the registration has arrived (docs/architecture.md §9.9).
 */
public class UnknownContactException extends RuntimeException {

    public UnknownContactException(String complaintId) {
        super("No customer contact known for complaint " + complaintId);
    }
}
