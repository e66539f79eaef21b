package closedloop.notification.contact;

/**
 * An event about a complaint whose registration this service has not seen: the record is retried and, if the
 * registration still does not arrive, dead-lettered so that it can be replayed.
 */
public class UnknownContactException extends RuntimeException {

    public UnknownContactException(String complaintId) {
        super("No customer contact known for complaint " + complaintId);
    }
}
