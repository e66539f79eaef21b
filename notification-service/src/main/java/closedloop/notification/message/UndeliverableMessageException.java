package closedloop.notification.message;

/**
 * The channel refused the message for good (a malformed number, an address the server rejects): trying again cannot
 * help, so the message fails at once instead of being retried until its maximum age.
 */
public class UndeliverableMessageException extends RuntimeException {

    public UndeliverableMessageException(String reason) {
        super(reason);
    }

    public UndeliverableMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
